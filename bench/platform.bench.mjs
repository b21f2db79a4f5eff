// Platform benchmark: what the HTTP stack + session auth + database cost, against a bare Fastify
// ceiling measured in the same run.
//
// Starts, one after the other, each as its own child process listening on 127.0.0.1:
//   1. a bare Fastify hello server (the ceiling),
//   2. the built 售后通 server on SQLite (fresh DATA_DIR in a temp folder),
//   3. the built 售后通 server on PostgreSQL (a throw-away cluster from apps/server/src/test/pg-cluster.ts),
// and drives each case with autocannon from this process: warm-up, then BENCH_SECONDS measured.
//
// Env:
//   BENCH_SECONDS (10)        measured seconds per case        BENCH_WARMUP (3)   warm-up seconds per case
//   BENCH_CONNECTIONS (50)    concurrent connections           BENCH_DIALECTS (sqlite,postgres)
//   BENCH_CASES (all)         comma list of case names to run, e.g. "users list" (hello always runs: it is the ceiling)
//   BENCH_USER (wangjianguo)  demo user whose session the authenticated lists use (hq_manager: sees every org)
//   BENCH_PG_POOL_SIZE        PG_POOL_SIZE for the server (server default: 10)
//   BENCH_CPU_PROF=1          run the 售后通 servers with --cpu-prof and print/write where their CPU time went
//   BENCH_WAIT_QUIET (0)      wait up to this many seconds for other processes to leave the CPUs alone first
//   BENCH_STRICT=1            exit 1 when a goal is missed (errors / non-2xx always exit 1)
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { installCleanupHandlers, ownCleanup, runCleanups } from './lib/cleanup.mjs';
import { login, getJson } from './lib/api.mjs';
import { backgroundLoad } from './lib/cpu.mjs';
import { summarizeCpuProfile } from './lib/cpuprofile.mjs';
import { measure } from './lib/load.mjs';
import { repoRoot, serverEntry, startNodeServer, tempDir } from './lib/server.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { formatMachine, machineInfo, writeResult } from './lib/report.mjs';

const num = (name, dflt, min, max) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return dflt;
  const v = Number(raw);
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`${name} must be a number in [${min}, ${max}], got ${raw}`);
  return v;
};
const list = (name, dflt) => (process.env[name] || dflt).split(',').map((s) => s.trim()).filter(Boolean);

const SECONDS = num('BENCH_SECONDS', 10, 1, 120);
const WARMUP = num('BENCH_WARMUP', 3, 0, 60);
const CONNECTIONS = num('BENCH_CONNECTIONS', 50, 1, 500);
const WAIT_QUIET = num('BENCH_WAIT_QUIET', 0, 0, 600);
const DIALECTS = list('BENCH_DIALECTS', 'sqlite,postgres');
const USER = process.env.BENCH_USER || 'wangjianguo';
const STRICT = process.env.BENCH_STRICT === '1';
const CPU_PROF = process.env.BENCH_CPU_PROF === '1';
const CEILING_SHARE = 0.25;
const P99_MAX_MS = 50;
const QUIET_CORES = 0.25;

const log = (msg) => console.log(`[platform] ${msg}`);

/** Cases measured on each 售后通 server; `check` validates one response before the load starts. */
const appCases = [
  { name: 'health', path: '/api/health', auth: false, check: (b) => b?.status === 'ok' },
  {
    name: 'users list',
    path: '/api/v1/users?page=1&pageSize=20&sort=name',
    auth: true,
    list: true,
    check: (b) => Array.isArray(b?.items) && b.items.length > 0 && typeof b.total === 'number',
  },
  {
    name: 'orgs list',
    path: '/api/v1/orgs?page=1&pageSize=20',
    auth: true,
    list: true,
    check: (b) => Array.isArray(b?.items) && b.items.length > 0 && typeof b.total === 'number',
  },
];

for (const d of DIALECTS) if (d !== 'sqlite' && d !== 'postgres') throw new Error(`BENCH_DIALECTS: unknown dialect ${d}`);
const CASES = list('BENCH_CASES', appCases.map((c) => c.name).join(','));
for (const c of CASES) if (!appCases.some((a) => a.name === c)) throw new Error(`BENCH_CASES: unknown case "${c}" (known: ${appCases.map((a) => a.name).join(', ')})`);

/**
 * @typedef {{ case: string, dialect: string, list?: boolean, detail?: string, error?: string, rss?: number | null,
 *             m?: Awaited<ReturnType<typeof measure>> }} Row
 * @type {Row[]}
 */
const results = [];
const extraInfo = {};
/** @type {{ dialect: string, summary: ReturnType<typeof summarizeCpuProfile> }[]} */
const profiles = [];

async function runCase({ label, dialect, url, headers = {}, list = false, detail, serverPid }) {
  log(`${label} (${dialect}): ${WARMUP} s warm-up + ${SECONDS} s at ${CONNECTIONS} connections …`);
  /** @type {Row} */
  const row = { case: label, dialect, list, detail };
  try {
    row.m = await measure({ url, headers, connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, serverPid });
    const m = row.m;
    log(`  ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, non-2xx ${m.non2xx}, errors ${m.errors}` +
      (m.cpu ? `; CPU cores: server ${fmt(m.cpu.server, 2)}, others ${fmt(m.cpu.others, 2)}` : ''));
  } catch (err) {
    row.error = err instanceof Error ? err.message : String(err);
    log(`  failed: ${row.error}`);
  }
  results.push(row);
  return row;
}

async function benchCeiling() {
  const hello = await startNodeServer({ name: 'hello server', script: path.join(repoRoot, 'bench/fixtures/hello-server.mjs'), readyPath: '/hello' });
  try {
    const row = await runCase({ label: 'hello (bare Fastify)', dialect: '—', url: `${hello.url}/hello`, serverPid: hello.pid });
    row.rss = hello.peakRssMb();
  } finally {
    await hello.stop();
  }
}

async function benchApp(dialect) {
  const password = `Bench${randomBytes(6).toString('hex')}9`;
  const env = { DEMO_PASSWORD: password, SEED_DEMO: 'true', DATA_DIR: await tempDir('sht-bench-data-') };
  let stopPg = async () => undefined;
  if (dialect === 'postgres') {
    const { startTempPostgres, tempPostgresUnavailableReason } = await tsImport('../apps/server/src/test/pg-cluster.ts', import.meta.url);
    log('starting a temporary PostgreSQL cluster …');
    const pg = await startTempPostgres({ database: 'sht_bench', log: (m) => log(`  pg: ${m}`) });
    if (pg === null) throw new Error(`PostgreSQL unavailable: ${tempPostgresUnavailableReason()}`);
    stopPg = ownCleanup('stop PostgreSQL', () => pg.stop());
    env.DATABASE_URL = pg.url;
    if (process.env.BENCH_PG_POOL_SIZE) env.PG_POOL_SIZE = process.env.BENCH_PG_POOL_SIZE;
    extraInfo.postgres = `${await pgVersion(pg.url)}, pool ${env.PG_POOL_SIZE ?? '10 (server default)'}`;
  }
  const profDir = CPU_PROF ? await tempDir(`sht-bench-prof-${dialect}-`) : null;
  try {
    log(`starting 售后通 on ${dialect} …`);
    const app = await startNodeServer({
      name: `server (${dialect})`,
      script: serverEntry,
      env,
      nodeArgs: profDir ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [],
    });
    const rows = [];
    try {
      const session = await login(app.url, USER, password);
      const cookie = { cookie: session.cookie };
      for (const c of appCases.filter((a) => CASES.includes(a.name))) {
        const url = app.url + c.path;
        const headers = c.auth ? cookie : {};
        const body = await getJson(url, headers);
        if (!c.check(body)) throw new Error(`${c.name}: unexpected response ${JSON.stringify(body).slice(0, 300)}`);
        const detail = c.list ? `${body.items.length} of ${body.total} items, ${JSON.stringify(body).length} bytes` : undefined;
        rows.push(await runCase({ label: c.name, dialect, url, headers, list: c.list, detail, serverPid: app.pid }));
      }
    } finally {
      const rss = app.peakRssMb();
      for (const r of rows) r.rss = rss;
      await app.stop();
    }
    if (profDir) {
      const file = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(profDir, f))[0];
      if (file) profiles.push({ dialect, summary: summarizeCpuProfile(file, 15) });
      else log(`no CPU profile was written for ${dialect}`);
    }
  } finally {
    await stopPg();
  }
}

async function pgVersion(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('show server_version');
    return `PostgreSQL ${rows[0].server_version} (temp cluster: fsync=off, synchronous_commit=off)`;
  } finally {
    await client.end();
  }
}

const failedRun = (r) => !r.m || r.m.non2xx > 0 || r.m.errors > 0 || r.m.timeouts > 0;

function evaluate() {
  const ceiling = results.find((r) => r.dialect === '—');
  const ceilingRps = ceiling && !failedRun(ceiling) ? ceiling.m.rps : null;
  let errorsSeen = false;
  let goalMissed = false;
  const rows = results.map((r) => {
    const m = r.m;
    const out = {
      case: r.case,
      dialect: r.dialect,
      rps: '—',
      p50: '—',
      p99: '—',
      rss: fmt(r.rss ?? null, 0),
      goal: r.case === '(set-up)' ? '—' : r.dialect === '—' ? 'ceiling (reference)' : r.list ? `≥ ${CEILING_SHARE * 100}% of ceiling, p99 < ${P99_MAX_MS} ms` : `p99 < ${P99_MAX_MS} ms`,
      verdict: '',
    };
    if (r.error || !m) {
      errorsSeen = true;
      out.verdict = `FAIL: ${r.error ?? 'no result'}`;
      return out;
    }
    if (failedRun(r)) {
      errorsSeen = true;
      const codes = Object.entries(m.statusCodes).filter(([c]) => !c.startsWith('2')).map(([c, n]) => `${n}×${c}`).join(', ');
      out.verdict = `FAIL: ${m.non2xx} non-2xx${codes ? ` (${codes})` : ''}, ${m.errors} errors`;
      return out;
    }
    out.rps = fmt(m.rps, 0);
    out.p50 = fmt(m.p50, 2);
    out.p99 = fmt(m.p99, 2);
    if (r.dialect === '—') {
      out.verdict = `ok (0 errors)${m.cpu && m.cpu.others > QUIET_CORES ? ' ⚠ busy machine' : ''}`;
      return out;
    }
    const problems = [];
    let share = '';
    const busy = m.cpu && m.cpu.others > QUIET_CORES ? ' ⚠ busy machine' : '';
    if (m.p99 >= P99_MAX_MS) problems.push(`p99 ≥ ${P99_MAX_MS} ms`);
    if (r.list) {
      if (ceilingRps === null) problems.push('no ceiling');
      else {
        share = `${((m.rps / ceilingRps) * 100).toFixed(1)}% of ceiling`;
        if (m.rps / ceilingRps < CEILING_SHARE) problems.push(`${share}`);
      }
    }
    if (problems.length > 0) goalMissed = true;
    out.verdict = (problems.length === 0 ? `pass${share ? ` (${share})` : ''}` : `FAIL: ${problems.join('; ')}`) + busy;
    return out;
  });
  const busy = results.filter((r) => r.m?.cpu && r.m.cpu.others > QUIET_CORES).length;
  return { rows, errorsSeen, goalMissed, busy };
}

const columns = [
  { key: 'case', title: 'case' },
  { key: 'dialect', title: 'dialect' },
  { key: 'rps', title: 'req/s', align: 'right' },
  { key: 'p50', title: 'p50 ms', align: 'right' },
  { key: 'p99', title: 'p99 ms', align: 'right' },
  { key: 'rss', title: 'peak RSS MB', align: 'right' },
  { key: 'goal', title: 'goal' },
  { key: 'verdict', title: 'pass/fail' },
];

const cpuColumns = [
  { key: 'case', title: 'case' },
  { key: 'dialect', title: 'dialect' },
  { key: 'server', title: 'server', align: 'right' },
  { key: 'loadgen', title: 'load generator', align: 'right' },
  { key: 'helpers', title: 'PostgreSQL', align: 'right' },
  { key: 'others', title: 'other processes', align: 'right' },
  { key: 'cost', title: 'server CPU µs/req', align: 'right' },
  { key: 'pgCost', title: 'PostgreSQL CPU µs/req', align: 'right' },
  { key: 'detail', title: 'response' },
];

function cpuTable() {
  return {
    columns: cpuColumns,
    rows: results.map((r) => {
      const c = r.m?.cpu;
      return {
        case: r.case,
        dialect: r.dialect,
        server: fmt(c?.server, 2),
        loadgen: fmt(c?.loadgen, 2),
        helpers: r.dialect === 'postgres' ? fmt(c?.helpers, 2) : '—',
        others: c ? `${fmt(c.others, 2)}${c.top.length ? ` (${c.top.map((t) => `${t.name} ${fmt(t.cores, 2)}`).join(', ')})` : ''}` : '—',
        cost: c && r.m.rps > 0 ? fmt((c.server / r.m.rps) * 1e6, 0) : '—',
        pgCost: c && r.dialect === 'postgres' && r.m.rps > 0 ? fmt((c.helpers / r.m.rps) * 1e6, 0) : '—',
        detail: r.detail ?? '',
      };
    }),
  };
}

function profileTables() {
  return profiles.map(({ dialect, summary }) => ({
    title: `Server CPU profile (${dialect}, every case of that server; self time, ${fmt(summary.totalMs / 1000, 1)} s sampled)`,
    pkg: {
      columns: [{ key: 'name', title: 'package' }, { key: 'pct', title: '% self', align: 'right' }],
      rows: summary.byPackage.slice(0, 10).map((p) => ({ name: p.name, pct: fmt(p.pct, 1) })),
    },
    fn: {
      columns: [{ key: 'name', title: 'function' }, { key: 'pct', title: '% self', align: 'right' }],
      rows: summary.byFunction.map((p) => ({ name: p.name, pct: fmt(p.pct, 1) })),
    },
  }));
}

async function waitForQuietMachine() {
  const deadline = Date.now() + WAIT_QUIET * 1000;
  for (;;) {
    const others = await backgroundLoad(2000);
    if (others === null) return null;
    if (others <= QUIET_CORES || Date.now() >= deadline) {
      if (others > QUIET_CORES) {
        log(`WARNING: other processes are using ${fmt(others, 2)} of the machine's cores: results will be low and noisy` +
          (WAIT_QUIET === 0 ? ' (BENCH_WAIT_QUIET=<s> waits for a quiet machine)' : ''));
      }
      return others;
    }
    log(`other processes use ${fmt(others, 2)} cores; waiting for a quiet machine (up to ${WAIT_QUIET} s) …`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build the server first (npx tsc -b apps/server)`);
  const startedAt = Date.now();
  const bgBefore = await waitForQuietMachine();
  let fatal = null;
  try {
    await benchCeiling();
    for (const d of DIALECTS) {
      try {
        await benchApp(d);
      } catch (err) {
        fatal ??= err;
        const msg = err instanceof Error ? err.message : String(err);
        log(`${d}: ${msg}`);
        results.push({ case: '(set-up)', dialect: d, error: msg.split('\n')[0] });
      }
    }
  } finally {
    await runCleanups();
  }

  const info = machineInfo({
    ...extraInfo,
    load: `autocannon ${CONNECTIONS} connections, ${WARMUP} s warm-up + ${SECONDS} s measured per case, 127.0.0.1, in the orchestrating process`,
    'authenticated as': `${USER} (session cookie sht_sid)`,
    'other processes before start': bgBefore === null ? 'unknown' : `${fmt(bgBefore, 2)} cores busy`,
    'wall time': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  });
  const { rows, errorsSeen, goalMissed, busy } = evaluate();
  const table = { columns, rows };
  const cpu = cpuTable();
  const prof = profileTables();
  const md = [
    '# Platform benchmark — latest run',
    '',
    formatMachine(info),
    '',
    formatMarkdown(table),
    '',
    'req/s counts 2xx responses only; p50/p99 are exact percentiles of every 2xx response time in the measured window.',
    'peak RSS is VmHWM of the server process at its end (one process serves every case of a dialect).',
    '',
    '## CPU cores used during each measured window',
    '',
    formatMarkdown(cpu),
    '',
    'The machine has ' + info.nproc + ' cores. "other processes" is everything not started by this benchmark;',
    `anything above ${QUIET_CORES} (marked ⚠ busy machine) means that case was measured while other work shared the CPUs.`,
    'CPU µs/req (cores used ÷ req/s) is what one request costs; it moves much less than req/s when the machine is busy,',
    'so compare it across runs and against the hello row (hello µs ÷ list µs ≈ the share of the ceiling a quiet machine would give).',
    ...prof.flatMap((p) => ['', `## ${p.title}`, '', formatMarkdown(p.pkg), '', formatMarkdown(p.fn)]),
    '',
  ].join('\n');
  const file = await writeResult('platform', md);

  console.log('');
  console.log(formatMachine(info));
  console.log('');
  console.log(formatTable(table));
  console.log('');
  console.log('CPU cores used during each measured window:');
  console.log(formatTable(cpu));
  for (const p of prof) {
    console.log(`\n${p.title}:`);
    console.log(formatTable(p.pkg));
    console.log('');
    console.log(formatTable(p.fn));
  }
  console.log('');
  console.log(`written to ${path.relative(process.cwd(), file)}`);
  if (busy > 0) {
    console.error(`WARNING: ${busy} case(s) ran while other processes used more than ${QUIET_CORES} cores (⚠ busy machine): compare with care or rerun.`);
  }
  if (fatal) console.error(fatal instanceof Error ? fatal.stack : fatal);
  if (errorsSeen) {
    console.error('platform benchmark FAILED: a case had errors or non-2xx responses (see pass/fail).');
    process.exitCode = 1;
  } else if (goalMissed) {
    console.error(`platform benchmark: a goal was missed${STRICT ? '' : ' (exit code 0; BENCH_STRICT=1 makes that exit 1)'}.`);
    if (STRICT) process.exitCode = 1;
  }
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
