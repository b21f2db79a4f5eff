// A small closed-loop load generator for a *list* of request paths (autocannon sends one URL):
// `connections` workers on keep-alive sockets, each sending the next path of the list as soon as
// its previous response has been read, for `seconds` (bounded; 127.0.0.1 only). Every response
// time is kept, so p50/p99 are exact.
import http from 'node:http';

const MAX_SECONDS = 120;

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** One GET; resolves { status, ms, body } (body only when keepBody). */
export function get(agent, baseUrl, path, headers, keepBody = false) {
  const u = new URL(baseUrl);
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request({ host: u.hostname, port: u.port, path, method: 'GET', headers, agent, timeout: 10_000 }, (res) => {
      const chunks = [];
      res.on('data', (c) => {
        if (keepBody) chunks.push(c);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, body: keepBody ? Buffer.concat(chunks).toString('utf8') : '' }));
      res.on('error', () => resolve({ status: 0, ms: performance.now() - t0, body: '' }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: performance.now() - t0, body: '' }));
    req.end();
  });
}

/**
 * @param {{ baseUrl: string, paths: string[], headers?: Record<string,string>, connections: number,
 *           seconds: number, warmupSeconds?: number }} opts
 */
export async function measurePaths(opts) {
  const host = new URL(opts.baseUrl).hostname;
  if (!/^127\.\d+\.\d+\.\d+$/.test(host) && host !== 'localhost') throw new Error(`loopback only, not ${host}`);
  if (opts.paths.length === 0) throw new Error('no paths to request');
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
  const run = async (seconds, record) => {
    const times = [];
    let errors = 0;
    let next = 0;
    const deadline = performance.now() + Math.min(MAX_SECONDS, seconds) * 1000;
    const started = performance.now();
    const worker = async (w) => {
      next += w; // spread the workers over the list
      while (performance.now() < deadline) {
        const path = opts.paths[next++ % opts.paths.length];
        const r = await get(agent, opts.baseUrl, path, opts.headers ?? {});
        if (r.status >= 200 && r.status < 300) {
          if (record) times.push(r.ms);
        } else errors++;
      }
    };
    await Promise.all(Array.from({ length: opts.connections }, (_, w) => worker(w)));
    return { times, errors, seconds: (performance.now() - started) / 1000 };
  };
  try {
    let warmErrors = 0;
    if ((opts.warmupSeconds ?? 0) > 0) warmErrors = (await run(opts.warmupSeconds, false)).errors;
    const { times, errors, seconds } = await run(opts.seconds, true);
    times.sort((a, b) => a - b);
    return { rps: times.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? NaN, requests: times.length, errors: errors + warmErrors };
  } finally {
    agent.destroy();
  }
}
