// Queries per request: runs the built app in-process (buildApp + app.inject, no network, one
// request at a time) with a Kysely query log, and reports for each hot route how many SQL
// statements one request runs, how long they take, and how much of the request that is —
// on SQLite and on PostgreSQL. The number to watch while optimising the request path.
//
// The database handle mirrors apps/server/src/db/database.ts (same pragmas / pool) but is built
// here so that Kysely's `log` hook can time every query.
//
// Env: BENCH_QUERIES_N (500) measured requests per route, BENCH_DIALECTS (sqlite,postgres),
//      BENCH_USER (wangjianguo).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { installCleanupHandlers, ownCleanup, runCleanups } from './lib/cleanup.mjs';
import { repoRoot, tempDir } from './lib/server.mjs';
import { cpuSnapshot, cpuUsage } from './lib/cpu.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { formatMachine, machineInfo, writeResult } from './lib/report.mjs';

const serverRequire = createRequire(path.join(repoRoot, 'apps/server/package.json'));
const { Kysely, SqliteDialect, PostgresDialect } = serverRequire('kysely');
const SQLite = serverRequire('better-sqlite3');
const pg = serverRequire('pg');
const dist = (p) => import(path.join(repoRoot, 'apps/server/dist', p));

const N = Math.max(50, Math.min(20_000, Number(process.env.BENCH_QUERIES_N || 500)));
const DIALECTS = (process.env.BENCH_DIALECTS || 'sqlite,postgres').split(',').map((s) => s.trim()).filter(Boolean);
const USER = process.env.BENCH_USER || 'wangjianguo';
const PASSWORD = 'Bench-queries-1';

const routes = [
  { name: 'health', url: '/api/health', auth: false },
  { name: 'users list', url: '/api/v1/users?page=1&pageSize=20&sort=name', auth: true },
  { name: 'orgs list', url: '/api/v1/orgs?page=1&pageSize=20', auth: true },
];

const log = (m) => console.log(`[queries] ${m}`);

/** Kysely with a log hook that records { sql, ms } while `recording.on`. */
function instrumented(dialect, events, recording) {
  const logFn = (e) => {
    if (recording.on) events.push({ sql: e.query.sql, ms: e.queryDurationMillis, error: e.level === 'error' });
  };
  return new Kysely({ dialect, log: logFn });
}

async function openDb(dialect, events, recording) {
  if (dialect === 'sqlite') {
    const dir = await tempDir('sht-bench-queries-');
    mkdirSync(dir, { recursive: true });
    const sqlite = new SQLite(path.join(dir, 'shouhoutong.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    return { db: instrumented(new SqliteDialect({ database: sqlite }), events, recording), dataDir: dir, stop: async () => undefined };
  }
  const { startTempPostgres, tempPostgresUnavailableReason } = await tsImport('../apps/server/src/test/pg-cluster.ts', import.meta.url);
  const cluster = await startTempPostgres({ database: 'sht_bench_queries' });
  if (cluster === null) throw new Error(`PostgreSQL unavailable: ${tempPostgresUnavailableReason()}`);
  const stop = ownCleanup('stop PostgreSQL', () => cluster.stop());
  const pool = new pg.Pool({ connectionString: cluster.url, max: 10 });
  return { db: instrumented(new PostgresDialect({ pool }), events, recording), dataDir: await tempDir('sht-bench-queries-'), stop };
}

const summary = [];
const perQuery = [];

async function benchDialect(dialect) {
  await dist('db/database.js'); // installs the pg type parsers the app relies on
  const { migrateToLatest } = await dist('db/migrate.js');
  const { seedDemo } = await dist('db/seed/demo.js');
  const { buildApp } = await dist('app.js');
  const { loadConfig } = await dist('config.js');
  const events = [];
  const recording = { on: false };
  const { db, dataDir, stop } = await openDb(dialect, events, recording);
  try {
    await migrateToLatest(db);
    await seedDemo(db, PASSWORD);
    const config = loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: undefined });
    const app = await buildApp({ db, config, logger: false });
    try {
      await app.ready();
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: USER, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
      const sid = [res.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).find((c) => c.startsWith('sht_sid='));
      for (const r of routes) {
        const headers = r.auth ? { cookie: sid } : {};
        for (let i = 0; i < 100; i++) await app.inject({ url: r.url, headers }); // warm-up
        events.length = 0;
        recording.on = true;
        const cpuBefore = cpuSnapshot();
        const t0 = process.hrtime.bigint();
        for (let i = 0; i < N; i++) {
          const out = await app.inject({ url: r.url, headers });
          if (out.statusCode !== 200) throw new Error(`${r.name}: HTTP ${out.statusCode} ${out.body.slice(0, 200)}`);
        }
        const totalUs = Number(process.hrtime.bigint() - t0) / 1000;
        recording.on = false;
        const cpu = cpuUsage(cpuBefore, cpuSnapshot());
        const dbUs = events.reduce((a, e) => a + e.ms, 0) * 1000;
        summary.push({
          route: r.name,
          dialect,
          us: fmt(totalUs / N, 0),
          queries: fmt(events.length / N, 1),
          dbUs: fmt(dbUs / N, 0),
          share: `${fmt((100 * dbUs) / totalUs, 0)}%`,
          others: cpu ? `${fmt(cpu.others, 2)}${cpu.others > 0.25 ? ' ⚠ busy' : ''}` : '—',
        });
        const byText = new Map();
        for (const e of events) {
          const key = e.sql.replace(/\s+/g, ' ');
          const v = byText.get(key) ?? { n: 0, ms: 0 };
          v.n++;
          v.ms += e.ms;
          byText.set(key, v);
        }
        for (const [sqlText, v] of byText) {
          perQuery.push({ route: r.name, dialect, per: fmt(v.n / N, 1), us: fmt((v.ms * 1000) / v.n, 0), sql: shorten(sqlText) });
        }
        log(`${r.name} (${dialect}): ${fmt(totalUs / N, 0)} µs/request, ${fmt(events.length / N, 1)} queries/request`);
      }
    } finally {
      await app.close();
      await db.destroy();
    }
  } finally {
    await stop();
  }
}

function shorten(sqlText) {
  const s = sqlText.replace(/"/g, '').replace(/\(\$?\d*(, \$?\d+)+\)|\(\?(, \?)+\)/g, '(…)');
  return s.length > 110 ? `${s.slice(0, 107)}…` : s;
}

const summaryColumns = [
  { key: 'route', title: 'route' },
  { key: 'dialect', title: 'dialect' },
  { key: 'us', title: 'µs/request', align: 'right' },
  { key: 'queries', title: 'queries/request', align: 'right' },
  { key: 'dbUs', title: 'SQL µs/request', align: 'right' },
  { key: 'share', title: 'SQL share', align: 'right' },
  { key: 'others', title: 'other processes (cores)', align: 'right' },
];
const queryColumns = [
  { key: 'route', title: 'route' },
  { key: 'dialect', title: 'dialect' },
  { key: 'per', title: '×/request', align: 'right' },
  { key: 'us', title: 'µs each', align: 'right' },
  { key: 'sql', title: 'SQL' },
];

async function main() {
  installCleanupHandlers();
  try {
    for (const d of DIALECTS) await benchDialect(d);
  } finally {
    await runCleanups();
  }
  const info = machineInfo({ method: `app.inject in-process, ${N} sequential requests per route after 100 warm-up, as ${USER}` });
  const s = { columns: summaryColumns, rows: summary };
  const q = { columns: queryColumns, rows: perQuery };
  const md = [
    '# Queries per request — latest run',
    '',
    formatMachine(info),
    '',
    formatMarkdown(s),
    '',
    'µs/request is the whole in-process request (routing, auth hook, service, SQL, response validation + serialisation,',
    'light-my-request overhead); SQL µs is the time Kysely measured around each query (build excluded, driver + database included).',
    '',
    '## Each query',
    '',
    formatMarkdown(q),
    '',
  ].join('\n');
  const file = await writeResult('queries', md);
  console.log('');
  console.log(formatMachine(info));
  console.log('');
  console.log(formatTable(s));
  console.log('');
  console.log(formatTable(q));
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
