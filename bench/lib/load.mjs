// Load generation with autocannon (127.0.0.1 only), bounded in time, with exact latency
// percentiles computed from every response time (autocannon's own histogram rounds to 1 ms).
import autocannon from 'autocannon';
import { cpuSnapshot, cpuUsage } from './cpu.mjs';

const MAX_SECONDS = 300;

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!(host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`benchmarks only target the loopback interface, not ${host}`);
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

function runOnce(opts, seconds, record) {
  return new Promise((resolve, reject) => {
    /** @type {number[]} */
    const times = [];
    const instance = autocannon(
      {
        url: opts.url,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        body: opts.body,
        connections: opts.connections,
        duration: seconds,
        timeout: 10,
      },
      (err, result) => {
        clearTimeout(watchdog);
        if (err) reject(err);
        else resolve({ result, times });
      },
    );
    if (record) {
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) times.push(responseTime);
      });
    }
    // Hard stop should autocannon overrun its duration (a wedged server).
    const watchdog = setTimeout(() => instance.stop(), (seconds + 20) * 1000);
  });
}

/**
 * Warms up for `warmupSeconds` (discarded, but its errors still count), then measures for `seconds`.
 * @param {{ url: string, method?: string, headers?: Record<string,string>, body?: string,
 *           connections: number, seconds: number, warmupSeconds: number, serverPid?: number }} opts
 *   serverPid: the process under test, for the CPU split of the measured window (see cpu.mjs).
 * @returns {Promise<{ rps: number, p50: number, p99: number, requests: number, non2xx: number,
 *           errors: number, timeouts: number, statusCodes: Record<string, number>, seconds: number,
 *           cpu: ReturnType<typeof cpuUsage> }>}
 */
export async function measure(opts) {
  assertLoopback(opts.url);
  const seconds = Math.min(MAX_SECONDS, opts.seconds);
  let warmErrors = 0;
  let warmNon2xx = 0;
  if (opts.warmupSeconds > 0) {
    const { result } = await runOnce(opts, Math.min(MAX_SECONDS, opts.warmupSeconds), false);
    warmErrors = result.errors + result.timeouts;
    warmNon2xx = result.non2xx;
  }
  const before = cpuSnapshot(opts.serverPid ?? null);
  const { result, times } = await runOnce(opts, seconds, true);
  const cpu = cpuUsage(before, cpuSnapshot(opts.serverPid ?? null));
  times.sort((a, b) => a - b);
  const statusCodes = {};
  for (const [code, v] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = v.count;
  const ok = times.length;
  return {
    // 2xx responses per second over the measured window.
    rps: ok / result.duration,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    requests: result.requests.total,
    non2xx: result.non2xx + warmNon2xx,
    errors: result.errors + warmErrors,
    timeouts: result.timeouts,
    statusCodes,
    seconds: result.duration,
    cpu,
  };
}
