#!/usr/bin/env node
// `npm test`: build what the e2e tests need, run every vitest project, and
// close with one plain line CI reads: `tests: N passed, N failed[, N skipped]`.
//
//   npm test                          build + all projects
//   npm test -- --project unit        extra arguments go to `vitest run`
//   SHT_SKIP_BUILD=1 npm test         skip the build step
//
// Exits non-zero when the build fails, vitest fails, any test fails or no test ran.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
if (args[0] === '--') args.shift();

/**
 * Child currently running. Ctrl-C reaches it directly (same process group), so on SIGINT we only
 * wait for it to wind down (its teardown stops PostgreSQL); SIGTERM/SIGHUP are passed on to it.
 */
let current = null;
process.on('SIGINT', () => {
  if (current === null) process.exit(130);
});
for (const sig of ['SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (current !== null && current.exitCode === null) current.kill(sig);
    else process.exit(143);
  });
}

function run(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: process.env });
    current = child;
    child.on('error', (err) => {
      console.error(`test: could not run ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function seconds(since) {
  return `${((Date.now() - since) / 1000).toFixed(1)}s`;
}

/** Projects named with --project (vitest's flag), or null when all run. */
function selectedProjects(argv) {
  const names = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--project' && i + 1 < argv.length) names.push(argv[++i]);
    else if (a.startsWith('--project=')) names.push(a.slice('--project='.length));
  }
  return names.length > 0 ? names : null;
}

function finish(line, code) {
  console.log(line);
  process.exit(code);
}

// (a) Build: the e2e tests drive the built server and web app.
const projects = selectedProjects(args);
const needsBuild = projects === null || projects.some((p) => p.includes('e2e') || p.includes('*'));
const buildScript = join(root, 'scripts', 'build.mjs');
if (process.env.SHT_SKIP_BUILD === '1') {
  console.log('test: SHT_SKIP_BUILD=1 — not building');
} else if (!needsBuild) {
  console.log(`test: project(s) ${projects.join(', ')} do not need a build — skipping it`);
} else if (!existsSync(buildScript)) {
  console.log('test: scripts/build.mjs does not exist yet — skipping the build');
} else {
  const t = Date.now();
  console.log('test: building (node scripts/build.mjs)');
  const code = await run(process.execPath, [buildScript]);
  if (code !== 0) finish(`test: build failed (exit code ${code}) after ${seconds(t)}; no tests were run`, code || 1);
  console.log(`test: build done in ${seconds(t)}`);
}

// (b) vitest, all projects unless narrowed by the extra arguments.
const tmp = await mkdtemp(join(tmpdir(), 'sht-test-'));
const jsonFile = join(tmp, 'vitest.json');
const vitestBin = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const vitestArgs = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`, ...args];
const t = Date.now();
const vitestCode = existsSync(vitestBin)
  ? await run(process.execPath, [vitestBin, ...vitestArgs])
  : await run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--no-install', 'vitest', ...vitestArgs]);
console.log(`test: vitest finished in ${seconds(t)} with exit code ${vitestCode}`);

// (c) Count from the JSON report.
let report = null;
try {
  report = JSON.parse(await readFile(jsonFile, 'utf8'));
} catch {
  report = null;
}
await rm(tmp, { recursive: true, force: true });

if (report === null) {
  finish(`test: vitest wrote no JSON report (exit code ${vitestCode}); no tests counted`, vitestCode || 1);
}

const passed = report.numPassedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A file that failed to load or whose hooks threw has no failed test of its own: count it as one failure.
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
);
for (const f of brokenFiles) {
  const first = String(f.message ?? '').split('\n')[0];
  console.log(`test: FAILED file ${f.name.startsWith(root) ? f.name.slice(root.length + 1) : f.name}${first ? `: ${first}` : ''}`);
}
const failed = (report.numFailedTests ?? 0) + brokenFiles.length;

// (d) Exit status.
let code = 0;
if (vitestCode !== 0 || report.success === false) code = vitestCode || 1;
if (failed > 0) code ||= 1;
if (passed + failed === 0) {
  console.log('test: no test ran — that counts as a failure');
  code ||= 1;
}
finish(`tests: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`, code);
