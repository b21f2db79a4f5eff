// Starting the server under test as its own child process (so the load generator never shares
// its event loop), waiting until it answers, reading its peak RSS, and stopping it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCleanup, trackPid, untrackPid } from './cleanup.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const serverEntry = path.join(repoRoot, 'apps/server/dist/main.js');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** A temp directory removed again at cleanup. */
export async function tempDir(prefix) {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onCleanup(`rm ${dir}`, () => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Peak resident set size (VmHWM) of a live process in MB, or null when it cannot be read. */
export function peakRssMb(pid) {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns `node <script>` with the given environment (PORT and HOST=127.0.0.1 added), waits until
 * GET <readyPath> answers 200, and returns a handle. The child's output is kept (last lines) for
 * error messages and not echoed, since the server prints the demo password on first start.
 *
 * @param {{ name: string, script: string, env?: Record<string,string>, readyPath?: string,
 *           nodeArgs?: string[], startTimeoutMs?: number }} opts
 */
export async function startNodeServer(opts) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const readyPath = opts.readyPath ?? '/api/health';
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), opts.script], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...opts.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${opts.name}: could not spawn ${opts.script}`);
  trackPid(pid);
  let output = '';
  const keep = (b) => {
    output = (output + b.toString('utf8')).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  /** @type {{ code: number|null, signal: string|null } | null} */
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      untrackPid(pid);
      resolve(exited);
    });
  });

  let stopping = null;
  const stop = () => {
    stopping ??= (async () => {
      if (exited === null) {
        child.kill('SIGTERM');
        const done = await Promise.race([exitPromise, sleep(10_000).then(() => null)]);
        if (done === null) {
          child.kill('SIGKILL');
          await Promise.race([exitPromise, sleep(5_000)]);
        }
      }
      unregister();
    })();
    return stopping;
  };
  const unregister = onCleanup(`stop ${opts.name} (pid ${pid})`, stop);

  const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) {
      throw new Error(`${opts.name} exited during start-up (code ${exited.code}, signal ${exited.signal}):\n${tail(output)}`);
    }
    try {
      const res = await fetch(url + readyPath, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${opts.name} did not answer ${readyPath} within ${opts.startTimeoutMs ?? 60_000} ms:\n${tail(output)}`);
    }
    await sleep(100);
  }

  return {
    name: opts.name,
    pid,
    url,
    port,
    /** Peak RSS so far in MB (VmHWM), null once the process is gone. */
    peakRssMb: () => peakRssMb(pid),
    output: () => output,
    isRunning: () => exited === null,
    stop,
  };
}

function tail(text, lines = 25) {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
