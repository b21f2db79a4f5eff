// Work orders (工单) with a million open orders loaded: creating orders at the hotline, finding the
// orders whose SLA is due to warn or breach, and a technician's job list.
//
// For each dialect: migrate + seed, bulk-load BENCH_WO_ORDERS open work orders (+ technicians with
// sessions, customers and units) straight into the database (lib/bulk-workorders.mjs), then
//   1. SLA sweep query, in this process through the server's own code (dist dueForSlaCheck + the
//      server's database handle), the server not running: p50/p99 of BENCH_SLA_RUNS runs of the
//      limit-500 page and of the count of all due, now and 6 h later (a stalled sweep); goal < 100 ms;
//   2. the built app in-process (app.inject, one request at a time) with a Kysely query log:
//      statements per create / job list and the time of each, and the job list's plans;
//   (PostgreSQL: VACUUM (ANALYZE) work_orders after the load, as autovacuum would within a minute;)
//   3. start the built server; the floor GET /api/v1/auth/me (cheapest authenticated request) at the
//      create case's connections; then POST /api/v1/work-orders as the hotline agent lixiuying (session
//      cookie + CSRF header) with 50 connections, each request a repair for a random loaded unit
//      and its owner; goal ≥ 1,000 orders/s and p99 < 50 ms; the server's peak RSS;
//   4. GET /api/v1/work-orders?assigneeId=me&status=open cycling over every technician's session,
//      with 1 and BENCH_CONNECTIONS connections; goal p99 < 20 ms.
//
// Env:
//   BENCH_WO_ORDERS (1000000)  BENCH_WO_CUSTOMERS (50000)  BENCH_WO_UNITS (100000)  BENCH_WO_TECHNICIANS (300)
//   BENCH_SECONDS (10)   BENCH_WARMUP (3)   BENCH_CREATE_CONNECTIONS (50)   BENCH_CONNECTIONS (10, job list)
//   BENCH_SLA_RUNS (50)  BENCH_WO_STATEMENT_RUNS (200, in-process requests with the query log)
//   BENCH_DIALECTS (sqlite,postgres)  BENCH_STRICT=1 (exit 1 on a missed goal)
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { login } from './lib/api.mjs';
import { prepareWorkOrderDatabase, prng } from './lib/bulk-workorders.mjs';
import { installCleanupHandlers, runCleanups } from './lib/cleanup.mjs';
import { cpuSnapshot, cpuUsage } from './lib/cpu.mjs';
import { finishBenchmark, formatMachine, machineInfo } from './lib/report.mjs';
import { repoRoot, serverEntry, startNodeServer } from './lib/server.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { benchDialects, envNumber, runPerDialect } from './lib/env.mjs';

const ORDERS = envNumber('BENCH_WO_ORDERS', 1_000_000, 100, 5_000_000);
const CUSTOMERS = envNumber('BENCH_WO_CUSTOMERS', 50_000, 10, 1_000_000);
const UNITS = envNumber('BENCH_WO_UNITS', 100_000, 10, 2_000_000);
const TECHNICIANS = envNumber('BENCH_WO_TECHNICIANS', 300, 1, 5_000);
const SECONDS = envNumber('BENCH_SECONDS', 10, 1, 120);
const WARMUP = envNumber('BENCH_WARMUP', 3, 0, 30);
const CREATE_CONNECTIONS = envNumber('BENCH_CREATE_CONNECTIONS', 50, 1, 200);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 10, 1, 100);
const SLA_RUNS = envNumber('BENCH_SLA_RUNS', 50, 5, 1000);
const DIALECTS = benchDialects();

const STATEMENT_RUNS = envNumber('BENCH_WO_STATEMENT_RUNS', 200, 20, 5000);
const serverRequire = createRequire(path.join(repoRoot, 'apps/server/package.json'));
// Imported once, at start-up (see main): other work may rebuild apps/server/dist during a long run.
const dist = (p) => import(pathToFileURL(path.join(repoRoot, 'apps/server/dist', p)).href);
const DIST_MODULES = ['db/database.js', 'app.js', 'config.js', 'modules/workorders/workorders.sla-sweep.js'];
const GOALS = { createRps: 1000, createP99: 50, slaMs: 100, jobListP99: 20 };
const log = (msg) => console.log(`[workorders] ${msg}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const statementRows = [];
const statementSummary = [];
const createRows = [];
const floorRows = [];
const slaRows = [];
const jobRows = [];
const loads = [];
const plans = [];
const info = {};

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * autocannon with a request built per call (body or cookie varies), `warmupSeconds` discarded, then
 * `seconds` measured; exact percentiles of every 2xx response. 127.0.0.1 only, bounded in time.
 */
async function measureVaried({ url, connections, seconds, warmupSeconds, request, serverPid }) {
  if (!/^http:\/\/127\.\d+\.\d+\.\d+:\d+$/.test(url)) throw new Error(`loopback only, not ${url}`);
  const run = (secs, record) => new Promise((resolve, reject) => {
    const times = [];
    const inst = autocannon({
      url, connections, duration: secs, timeout: 30,
      requests: [{ method: request.method, path: request.path, setupRequest: (req) => ({ ...req, ...request.next() }) }],
    }, (err, result) => {
      clearTimeout(watchdog);
      if (err) reject(err);
      else resolve({ result, times });
    });
    inst.on('response', (_c, status, _b, ms) => {
      if (record && status >= 200 && status < 300) times.push(ms);
    });
    const watchdog = setTimeout(() => inst.stop(), (secs + 20) * 1000);
  });
  let warm = { errors: 0, non2xx: 0, ok: 0 };
  if (warmupSeconds > 0) {
    const { result } = await run(warmupSeconds, false);
    warm = { errors: result.errors + result.timeouts, non2xx: result.non2xx, ok: result['2xx'] };
  }
  const before = cpuSnapshot(serverPid);
  const { result, times } = await run(seconds, true);
  const cpu = cpuUsage(before, cpuSnapshot(serverPid));
  times.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  return {
    rps: times.length / result.duration, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) ?? NaN,
    ok: times.length + warm.ok, errors: result.errors + result.timeouts + warm.errors, non2xx: result.non2xx + warm.non2xx, statusCodes, cpu,
  };
}

// CPU per request (cores ÷ req/s): moves much less than req/s when other processes take the cores.
const perReq = (m, who) => (m.cpu && m.rps > 0 ? fmt((m.cpu[who] / m.rps) * 1e6, 0) : '—');
const cpuText = (cpu) => (cpu ? { server: fmt(cpu.server, 2), pg: fmt(cpu.helpers, 2), others: fmt(cpu.others, 2), busy: cpu.others > 0.25 } : { server: '—', pg: '—', others: '—', busy: false });

/**
 * PostgreSQL: what autovacuum does within a minute or so of a bulk load (PostgreSQL 13+ vacuums
 * insert-only tables too): set the visibility map, so that counts can run as index-only scans
 * instead of visiting every heap page. Measured right after the load, the table would look like
 * one that is never vacuumed.
 */
async function vacuumOrders(url) {
  const pg = serverRequire('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    await client.query('vacuum (analyze) work_orders');
    const seconds = (performance.now() - t0) / 1000;
    log(`  postgres · vacuum (analyze) work_orders: ${fmt(seconds, 1)} s`);
    return seconds;
  } finally {
    await client.end();
  }
}

/** 1. The sweep's query through the server's own code, on the loaded database (server stopped). */
async function benchSlaQuery(dialect, prepared, now) {
  const { openDatabase } = await dist('db/database.js');
  const { dueForSlaCheck } = await dist('modules/workorders/workorders.sla-sweep.js');
  const handle = openDatabase({ databaseUrl: prepared.env.DATABASE_URL, dataDir: prepared.dataDir });
  const { db } = handle;
  try {
    const countDue = async (at) => Number((await db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n')).where('next_sla_check_at', '<=', at).executeTakeFirstOrThrow()).n);
    const cases = [
      { label: 'now', at: new Date(now).toISOString() },
      { label: 'now + 6 h (sweep stalled)', at: new Date(now + 6 * 3_600_000).toISOString() },
    ];
    for (const c of cases) {
      const due = await countDue(c.at);
      for (const [what, fn] of [
        ['dueForSlaCheck(db, now, 500)', async () => (await dueForSlaCheck(db, c.at, 500)).length],
        ['count of all due', () => countDue(c.at)],
      ]) {
        for (let i = 0; i < 3; i++) await fn(); // warm
        const times = [];
        let rows = 0;
        for (let i = 0; i < SLA_RUNS; i++) {
          const t0 = performance.now();
          rows = await fn();
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const p99 = percentile(times, 99);
        slaRows.push({ dialect, when: c.label, what, due, rows, p50: percentile(times, 50), p99, max: times.at(-1) });
        log(`  ${dialect} · ${c.label} · ${what}: ${rows} rows, p50 ${fmt(percentile(times, 50), 2)} ms, p99 ${fmt(p99, 2)} ms (${due} due)`);
      }
      // The plans, for the README.
      const page = dialect === 'postgres'
        ? sql`explain (analyze, buffers) select id, version, next_sla_check_at from work_orders where next_sla_check_at <= ${c.at} order by next_sla_check_at limit 500`
        : sql`explain query plan select id, version, next_sla_check_at from work_orders where next_sla_check_at <= ${c.at} order by next_sla_check_at limit 500`;
      const count = dialect === 'postgres'
        ? sql`explain (analyze, buffers) select count(*) from work_orders where next_sla_check_at <= ${c.at}`
        : sql`explain query plan select count(*) from work_orders where next_sla_check_at <= ${c.at}`;
      for (const [what, q] of [['page of 500', page], ['count', count]]) {
        const r = await q.execute(db);
        const text = r.rows.map((row) => row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)).join('\n');
        plans.push({ dialect, when: c.label, what, text });
      }
    }
  } finally {
    await handle.destroy();
  }
}

/**
 * 2. Where a request's time goes: the built app in-process (buildApp + app.inject, one request at a
 * time) on the loaded database, with a Kysely query log, for a create and a job list. The handle
 * mirrors apps/server/src/db/database.ts (pragmas, prepared-statement cache, pool of 10).
 */
async function benchStatements(dialect, prepared) {
  await dist('db/database.js'); // the pg type parsers the app relies on
  const { buildApp } = await dist('app.js');
  const { loadConfig } = await dist('config.js');
  const events = [];
  const recording = { on: false };
  const logFn = (e) => {
    if (recording.on) events.push({ sql: e.query.sql, parameters: e.query.parameters, ms: e.queryDurationMillis });
  };
  let db;
  if (dialect === 'sqlite') {
    const SQLite = serverRequire('better-sqlite3');
    const sqlite = new SQLite(path.join(prepared.dataDir, 'shouhoutong.sqlite'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const cache = new Map();
    const database = { close: () => sqlite.close(), prepare: (text) => cache.get(text) ?? cache.set(text, sqlite.prepare(text)).get(text) };
    db = new Kysely({ dialect: new SqliteDialect({ database }), log: logFn });
  } else {
    const pg = serverRequire('pg');
    db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: prepared.env.DATABASE_URL, max: 10 }) }), log: logFn });
  }
  const config = loadConfig({ ...process.env, ...prepared.env, LOG_LEVEL: 'error', DATABASE_URL: undefined }); // errors only: a 500 prints its cause
  const app = await buildApp({ db, config });
  try {
    await app.ready();
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'lixiuying', password: prepared.password } });
    if (res.statusCode !== 200) throw new Error(`login: HTTP ${res.statusCode} ${res.body.slice(0, 200)}`);
    const cookie = [res.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).find((c) => c.startsWith('sht_sid='));
    const csrf = JSON.parse(res.body).csrfToken;
    let u = 0;
    let t = 0;
    const cases = [
      ['create order', () => {
        const unit = (u++ * 7919) % UNITS;
        return {
          method: 'POST', url: '/api/v1/work-orders', headers: { cookie, 'x-csrf-token': csrf },
          payload: { type: 'repair', priority: 'normal', channel: 'hotline', customerId: prepared.customerId(unit % CUSTOMERS), equipmentId: prepared.unitId(unit), title: '液压油温过高', description: '客户来电报修。' },
        };
      }, 201],
      ['job list', () => ({ method: 'GET', url: '/api/v1/work-orders?assigneeId=me&status=open', headers: { cookie: prepared.technicians[t++ % prepared.technicians.length].cookie } }), 200],
    ];
    for (const [name, next, status] of cases) {
      for (let i = 0; i < 30; i++) await app.inject(next()); // warm-up
      events.length = 0;
      recording.on = true;
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < STATEMENT_RUNS; i++) {
        const out = await app.inject(next());
        if (out.statusCode !== status) throw new Error(`${name}: HTTP ${out.statusCode} ${out.body.slice(0, 300)}`);
      }
      const totalUs = Number(process.hrtime.bigint() - t0) / 1000;
      recording.on = false;
      const sqlUs = events.reduce((a, e) => a + e.ms, 0) * 1000;
      statementSummary.push({ dialect, name, us: totalUs / STATEMENT_RUNS, statements: events.length / STATEMENT_RUNS, sqlUs: sqlUs / STATEMENT_RUNS, share: sqlUs / totalUs });
      const byText = new Map();
      for (const e of events) {
        const key = e.sql.replace(/\s+/g, ' ');
        const v = byText.get(key) ?? { n: 0, ms: 0 };
        v.n++;
        v.ms += e.ms;
        byText.set(key, v);
      }
      for (const [text, v] of [...byText].sort((a, b) => b[1].ms - a[1].ms)) {
        statementRows.push({ dialect, name, per: v.n / STATEMENT_RUNS, us: (v.ms * 1000) / v.n, sql: text.length > 110 ? `${text.slice(0, 107)}…` : text });
      }
      if (name === 'job list') await explainJobList(dialect, db, events, prepared.technicians);
      log(`  ${dialect} · ${name}: ${fmt(totalUs / STATEMENT_RUNS, 0)} µs/request in-process, ${fmt(events.length / STATEMENT_RUNS, 1)} statements, SQL ${fmt(sqlUs / STATEMENT_RUNS, 0)} µs`);
    }
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** Plans of the job list's page and count statements exactly as the app last sent them. */
async function explainJobList(dialect, db, events, technicians) {
  const pg = dialect === 'postgres';
  const last = (re) => events.findLast((e) => re.test(e.sql));
  for (const [what, e] of [['page', last(/^select .* from "work_orders" .*order by/)], ['count', last(/^select count\(\*\) as "n" from "work_orders"/)]]) {
    if (!e) continue; // PostgreSQL counts in the page query
    const tech = technicians.find((t) => e.parameters.includes(t.id));
    const r = await db.executeQuery(CompiledQuery.raw(`${pg ? 'explain (analyze, buffers)' : 'explain query plan'} ${e.sql}`, [...e.parameters]));
    plans.push({
      dialect, when: `job list of a technician with ${tech?.open ?? '?'} open orders (the statement as the app sent it)`, what,
      text: r.rows.map((row) => row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)).join('\n'),
    });
  }
}

/** 3. Orders created through HTTP by the hotline agent. */
async function benchCreate(dialect, app, prepared) {
  const agent = await login(app.url, 'lixiuying', prepared.password);
  const headers = { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken, 'content-type': 'application/json' };
  const rnd = prng(7);
  const faults = ['发动机无法启动', '液压油温过高', '行走无力', '空调不制冷', '仪表报警', '割台异响'];
  const body = () => {
    const u = Math.floor(rnd() * UNITS);
    const title = faults[Math.floor(rnd() * faults.length)];
    return JSON.stringify({
      type: 'repair', priority: rnd() < 0.1 ? 'urgent' : 'normal', channel: 'hotline', customerId: prepared.customerId(u % CUSTOMERS), equipmentId: prepared.unitId(u),
      title, description: `${title},客户来电,要求尽快上门。`, faultCategory: '液压系统', callerName: '王先生', callerPhone: `139${String(10_000_000 + Math.floor(rnd() * 89_999_999))}`,
    });
  };
  // One checked request: 201 with the order and its SLA targets.
  const res = await fetch(`${app.url}/api/v1/work-orders`, { method: 'POST', headers, body: body() });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /api/v1/work-orders: HTTP ${res.status} ${text.slice(0, 300)}`);
  const order = JSON.parse(text);
  if (order.status !== 'new' || !order.number || !Array.isArray(order.sla) || order.sla.length === 0) throw new Error(`unexpected order: ${text.slice(0, 300)}`);
  log(`${dialect} · create order · ${CREATE_CONNECTIONS} conn: ${WARMUP} s + ${SECONDS} s …`);
  const m = await measureVaried({
    url: app.url, connections: CREATE_CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, serverPid: app.pid,
    request: { method: 'POST', path: '/api/v1/work-orders', next: () => ({ headers, body: body() }) },
  });
  log(`  ${fmt(m.rps, 0)} orders/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, errors ${m.errors}, non-2xx ${m.non2xx} ${JSON.stringify(m.statusCodes)}`);
  createRows.push({ dialect, m, rss: app.peakRssMb(), sample: `${order.number}, ${order.sla.length} SLA targets` });
}

/**
 * The floor under every API request: GET /api/v1/auth/me as the hotline agent (routing, session
 * look-up, roles, response serialiser; no other SQL), at the create case's connections. No
 * request of the API can be cheaper, so its req/s bounds what any create could reach here.
 */
async function benchFloor(dialect, app, prepared) {
  const agent = await login(app.url, 'lixiuying', prepared.password);
  const res = await fetch(`${app.url}/api/v1/auth/me`, { headers: { cookie: agent.cookie } });
  if (res.status !== 200) throw new Error(`GET /api/v1/auth/me: HTTP ${res.status}`);
  log(`${dialect} · floor: GET /api/v1/auth/me · ${CREATE_CONNECTIONS} conn: ${WARMUP} s + ${SECONDS} s …`);
  const m = await measureVaried({
    url: app.url, connections: CREATE_CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP, serverPid: app.pid,
    request: { method: 'GET', path: '/api/v1/auth/me', next: () => ({ headers: { cookie: agent.cookie } }) },
  });
  log(`  ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, errors ${m.errors}, non-2xx ${m.non2xx}`);
  floorRows.push({ dialect, m });
}

/** 4. A technician's open jobs, cycling over every technician's session. */
async function benchJobList(dialect, app, prepared) {
  const techs = prepared.technicians;
  const listPath = '/api/v1/work-orders?assigneeId=me&status=open';
  // Checked once for a few technicians: 200, a full first page, and the total they were given.
  for (const t of techs.slice(0, 5)) {
    const res = await fetch(app.url + listPath, { headers: { cookie: t.cookie } });
    const body = await res.json();
    if (res.status !== 200 || !Array.isArray(body.items)) throw new Error(`${listPath}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    if (body.total !== t.open || body.items.some((o) => o.assignee?.id !== t.id)) throw new Error(`${listPath}: total ${body.total}, expected ${t.open} orders of ${t.id}`);
  }
  let i = 0;
  for (const connections of [1, CONNECTIONS]) {
    log(`${dialect} · job list · ${connections} conn: ${WARMUP} s + ${SECONDS} s …`);
    const m = await measureVaried({
      url: app.url, connections, seconds: SECONDS, warmupSeconds: WARMUP, serverPid: app.pid,
      request: { method: 'GET', path: listPath, next: () => ({ headers: { cookie: techs[i++ % techs.length].cookie } }) },
    });
    log(`  ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, errors ${m.errors}, non-2xx ${m.non2xx}`);
    jobRows.push({ dialect, connections, m });
  }
}

async function benchDialect(dialect) {
  const now = Date.now();
  const prepared = await prepareWorkOrderDatabase({ dialect, orders: ORDERS, customers: CUSTOMERS, units: UNITS, technicians: TECHNICIANS, log, now });
  Object.assign(info, prepared.info);
  if (dialect === 'postgres') prepared.vacuumSeconds = await vacuumOrders(prepared.env.DATABASE_URL);
  loads.push({ dialect, ...prepared });
  log(`${dialect} · SLA sweep query, ${SLA_RUNS} runs each …`);
  await benchSlaQuery(dialect, prepared, now);
  log(`${dialect} · statements per request (in-process, ${STATEMENT_RUNS} requests each) …`);
  await benchStatements(dialect, prepared);
  log(`starting 售后通 on the loaded ${dialect} database …`);
  const app = await startNodeServer({ name: `server (${dialect})`, script: serverEntry, env: prepared.env, startTimeoutMs: 120_000 });
  try {
    await benchFloor(dialect, app, prepared);
    await sleep(500);
    await benchCreate(dialect, app, prepared);
    await sleep(500);
    await benchJobList(dialect, app, prepared);
  } finally {
    const rss = app.peakRssMb();
    for (const r of [...createRows, ...jobRows]) if (r.dialect === dialect) r.rssEnd = rss;
    await app.stop();
  }
}

function tables() {
  let missed = 0;
  let errors = 0;
  const verdict = (m, ok, why) => {
    if (m && (m.errors > 0 || m.non2xx > 0)) {
      errors++;
      return `FAIL: ${m.errors} errors, ${m.non2xx} non-2xx`;
    }
    if (!ok) missed++;
    return ok ? 'pass' : `FAIL${why ? `: ${why}` : ''}`;
  };
  const create = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'conn', title: 'conn', align: 'right' }, { key: 'rps', title: 'orders/s', align: 'right' },
      { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' }, { key: 'created', title: 'created', align: 'right' },
      { key: 'rss', title: 'server peak RSS MB', align: 'right' }, { key: 'server', title: 'server cores', align: 'right' },
      { key: 'pg', title: 'PostgreSQL cores', align: 'right' }, { key: 'others', title: 'other processes cores', align: 'right' },
      { key: 'us', title: 'server CPU µs/order', align: 'right' }, { key: 'pgus', title: 'PostgreSQL CPU µs/order', align: 'right' },
      { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: createRows.map((r) => {
      const why = [r.m.rps < GOALS.createRps ? `${fmt(r.m.rps, 0)} < ${GOALS.createRps}/s` : '', r.m.p99 >= GOALS.createP99 ? `p99 ≥ ${GOALS.createP99} ms` : ''].filter(Boolean).join('; ');
      const c = cpuText(r.m.cpu);
      return {
        dialect: r.dialect, conn: String(CREATE_CONNECTIONS), rps: fmt(r.m.rps, 0), p50: fmt(r.m.p50, 2), p99: fmt(r.m.p99, 2), created: fmt(r.m.ok, 0),
        rss: fmt(r.rss, 0), server: c.server, pg: r.dialect === 'postgres' ? c.pg : '—', others: c.others + (c.busy ? ' ⚠ busy' : ''),
        us: perReq(r.m, 'server'), pgus: r.dialect === 'postgres' ? perReq(r.m, 'helpers') : '—',
        goal: `≥ ${GOALS.createRps.toLocaleString('en')}/s, p99 < ${GOALS.createP99} ms`, pass: verdict(r.m, why === '', why),
      };
    }),
  };
  const floor = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'conn', title: 'conn', align: 'right' }, { key: 'rps', title: 'req/s', align: 'right' },
      { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' }, { key: 'server', title: 'server cores', align: 'right' },
      { key: 'pg', title: 'PostgreSQL cores', align: 'right' }, { key: 'others', title: 'other processes cores', align: 'right' },
      { key: 'us', title: 'server CPU µs/req', align: 'right' }, { key: 'pass', title: 'errors' },
    ],
    rows: floorRows.map((r) => {
      const c = cpuText(r.m.cpu);
      return {
        dialect: r.dialect, conn: String(CREATE_CONNECTIONS), rps: fmt(r.m.rps, 0), p50: fmt(r.m.p50, 2), p99: fmt(r.m.p99, 2), server: c.server,
        pg: r.dialect === 'postgres' ? c.pg : '—', others: c.others + (c.busy ? ' ⚠ busy' : ''), us: perReq(r.m, 'server'),
        pass: r.m.errors > 0 || r.m.non2xx > 0 ? verdict(r.m, true) : 'none',
      };
    }),
  };
  const sla = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'when', title: 'now' }, { key: 'what', title: 'query' }, { key: 'due', title: 'due orders', align: 'right' },
      { key: 'rows', title: 'rows', align: 'right' }, { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' },
      { key: 'max', title: 'max ms', align: 'right' }, { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: slaRows.map((r) => ({
      dialect: r.dialect, when: r.when, what: r.what, due: fmt(r.due, 0), rows: fmt(r.rows, 0), p50: fmt(r.p50, 2), p99: fmt(r.p99, 2), max: fmt(r.max, 2),
      goal: `p99 < ${GOALS.slaMs} ms`, pass: verdict(null, r.p99 < GOALS.slaMs),
    })),
  };
  const jobs = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'conn', title: 'conn', align: 'right' }, { key: 'rps', title: 'req/s', align: 'right' },
      { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' }, { key: 'max', title: 'max ms', align: 'right' },
      { key: 'server', title: 'server cores', align: 'right' }, { key: 'pg', title: 'PostgreSQL cores', align: 'right' },
      { key: 'others', title: 'other processes cores', align: 'right' }, { key: 'us', title: 'server CPU µs/req', align: 'right' },
      { key: 'pgus', title: 'PostgreSQL CPU µs/req', align: 'right' }, { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: jobRows.map((r) => {
      const c = cpuText(r.m.cpu);
      return {
        dialect: r.dialect, conn: String(r.connections), rps: fmt(r.m.rps, 0), p50: fmt(r.m.p50, 2), p99: fmt(r.m.p99, 2), max: fmt(r.m.max, 1),
        server: c.server, pg: r.dialect === 'postgres' ? c.pg : '—', others: c.others + (c.busy ? ' ⚠ busy' : ''),
        us: perReq(r.m, 'server'), pgus: r.dialect === 'postgres' ? perReq(r.m, 'helpers') : '—',
        goal: `p99 < ${GOALS.jobListP99} ms`, pass: verdict(r.m, r.m.p99 < GOALS.jobListP99),
      };
    }),
  };
  const load = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'orders', title: 'open orders', align: 'right' }, { key: 'due', title: 'due now', align: 'right' },
      { key: 'paused', title: 'paused (no check)', align: 'right' }, { key: 'techs', title: 'technicians', align: 'right' },
      { key: 'perTech', title: 'open jobs per technician (min / median / max)', align: 'right' }, { key: 'base', title: 'customers + units + techs s', align: 'right' },
      { key: 'os', title: 'orders s', align: 'right' }, { key: 'ix', title: 'of it index build s', align: 'right' }, { key: 'an', title: 'ANALYZE s', align: 'right' }, { key: 'vac', title: 'VACUUM s', align: 'right' }, { key: 'rate', title: 'orders/s loaded', align: 'right' },
    ],
    rows: loads.map((l) => ({
      dialect: l.dialect, orders: fmt(l.rows.work_orders, 0), due: fmt(l.stats.due, 0), paused: fmt(l.stats.paused, 0), techs: fmt(l.rows.technicians, 0),
      perTech: `${l.stats.techOpenMin} / ${l.stats.techOpenMedian} / ${l.stats.techOpenMax}`, base: fmt(l.timing.baseSeconds, 1), os: fmt(l.timing.orderSeconds, 1), ix: l.timing.indexSeconds === undefined ? '—' : fmt(l.timing.indexSeconds, 1),
      an: fmt(l.timing.analyzeSeconds, 1), vac: l.vacuumSeconds === undefined ? '—' : fmt(l.vacuumSeconds, 1), rate: fmt(l.rows.work_orders / l.timing.orderSeconds, 0),
    })),
  };
  const perRequest = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'name', title: 'request' }, { key: 'us', title: 'µs/request (in-process)', align: 'right' },
      { key: 'statements', title: 'statements/request', align: 'right' }, { key: 'sqlUs', title: 'SQL µs/request', align: 'right' }, { key: 'share', title: 'SQL share', align: 'right' },
    ],
    rows: statementSummary.map((r) => ({ dialect: r.dialect, name: r.name, us: fmt(r.us, 0), statements: fmt(r.statements, 1), sqlUs: fmt(r.sqlUs, 0), share: `${fmt(100 * r.share, 0)}%` })),
  };
  const statements = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'name', title: 'request' }, { key: 'per', title: '×/request', align: 'right' },
      { key: 'us', title: 'µs each', align: 'right' }, { key: 'sql', title: 'SQL' },
    ],
    rows: statementRows.map((r) => ({ dialect: r.dialect, name: r.name, per: fmt(r.per, 1), us: fmt(r.us, 0), sql: r.sql })),
  };
  return { floor, create, sla, jobs, load, perRequest, statements, missed, errors };
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build the server first (npx tsc -b apps/server)`);
  for (const m of DIST_MODULES) await dist(m);
  const startedAt = Date.now();
  const fatal = await runPerDialect(DIALECTS, benchDialect, log, runCleanups);
  const t = tables();
  const machine = machineInfo({
    ...(info.sqlite ? { sqlite: info.sqlite } : {}),
    ...(info.postgres ? { postgres: `${info.postgres} (temp cluster)` } : {}),
    load: `autocannon, ${WARMUP} s warm-up + ${SECONDS} s per case, 127.0.0.1; create ${CREATE_CONNECTIONS} connections, job list 1 and ${CONNECTIONS}`,
    'wall time': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  });
  const planText = plans.map((p) => `${p.dialect} · ${p.when} · ${p.what}:\n\n\`\`\`\n${p.text}\n\`\`\``).join('\n\n');
  const md = [
    '# Work-order benchmark — latest run', '', formatMachine(machine), '', '## Bulk load', '', formatMarkdown(t.load), '',
    '## Floor: the cheapest authenticated request (GET /api/v1/auth/me as lixiuying)', '', formatMarkdown(t.floor), '',
    '## Create order (POST /api/v1/work-orders as hotline agent lixiuying)', '', formatMarkdown(t.create), '',
    `## SLA sweep query (${SLA_RUNS} runs each, in-process, server code from apps/server/dist)`, '', formatMarkdown(t.sla), '',
    '## Technician job list (GET /api/v1/work-orders?assigneeId=me&status=open, every technician in turn)', '', formatMarkdown(t.jobs), '',
    `## Statements per request (in-process, app.inject, ${STATEMENT_RUNS} sequential requests on the loaded database)`, '', formatMarkdown(t.perRequest), '',
    formatMarkdown(t.statements), '',
    '## Query plans', '', planText, '',
  ].join('\n');
  await finishBenchmark({
    name: 'workorders', machine, markdown: md, tables: [formatTable(t.load), formatTable(t.perRequest), formatTable(t.floor), formatTable(t.create), formatTable(t.sla), formatTable(t.jobs)],
    fatal, errors: t.errors, missed: t.missed,
  });
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
