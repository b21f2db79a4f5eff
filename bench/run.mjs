// npm run bench                 → builds the server (tsc -b apps/server) and runs every bench/*.bench.{mjs,ts}
// npm run bench -- platform     → runs only bench/platform.bench.*  (several names allowed)
// npm run bench -- --list       → lists the benchmarks
// BENCH_SKIP_BUILD=1            → skip the build step (use apps/server/dist as it is)
//
// Benchmarks: platform, queries (a few minutes together); surveys (1M survey answers analysed, a few
// minutes); search (bulk-loads 300k customers +
// 1M units per dialect: about 15–20 min) and warranty (a few minutes) — see bench/README.md.
//
// Each benchmark runs as its own child process (`node --import tsx <file>`, so .ts files and
// TypeScript imports work); this runner forwards SIGINT/SIGTERM to it and waits for it to clean up.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');

const all = readdirSync(benchDir)
  .map((f) => /^(.+)\.bench\.(mjs|ts)$/.exec(f))
  .filter((m) => m !== null)
  .map((m) => ({ name: m[1], file: path.join(benchDir, m[0]) }))
  .sort((a, b) => a.name.localeCompare(b.name));

const args = process.argv.slice(2);
if (args.includes('--list') || args.includes('-l')) {
  for (const b of all) console.log(b.name);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  console.log('usage: npm run bench [-- <name>…] | npm run bench -- --list\nbenchmarks: ' + all.map((b) => b.name).join(', '));
  process.exit(0);
}
const unknown = args.filter((a) => !all.some((b) => b.name === a));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${all.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = args.length > 0 ? all.filter((b) => args.includes(b.name)) : all;

if (process.env.BENCH_SKIP_BUILD !== '1') {
  const started = Date.now();
  process.stdout.write('bench: building domain + server (tsc -b apps/server) … ');
  const r = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'apps/server'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.log('failed');
    console.error(r.stdout, r.stderr);
    console.error('bench: the server does not build; fix it or set BENCH_SKIP_BUILD=1 to bench the existing dist.');
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

let current = null;
let interrupted = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    interrupted = true;
    // The child cleans up (servers, databases, temp dirs) and exits; we wait for it.
    if (current && current.exitCode === null) current.kill(sig);
  });
}

const failed = [];
for (const b of selected) {
  if (interrupted) break;
  console.log(`\n=== bench: ${b.name} ===`);
  const code = await new Promise((resolve) => {
    // Its own process group: a terminal's Ctrl-C reaches only this runner, which passes it on once,
    // and the benchmark stops its servers and databases in order (they do not get the signal first).
    current = spawn(process.execPath, ['--import', 'tsx', b.file], { cwd: root, stdio: 'inherit', env: process.env, detached: true });
    current.on('exit', (c, s) => resolve(c ?? (s ? 128 : 1)));
    current.on('error', (err) => {
      console.error(err);
      resolve(1);
    });
  });
  current = null;
  if (code !== 0) failed.push(`${b.name} (exit ${code})`);
}

if (failed.length > 0 || interrupted) {
  console.error(`\nbench: ${interrupted ? 'interrupted' : 'failed'}${failed.length ? `: ${failed.join(', ')}` : ''}`);
  process.exit(1);
}
