// Survey analysis (issue 5): 1,000,000 answers of 50,000 respondents analysed by dimension ×
// region × month, goal under 1 s on SQLite and PostgreSQL.
//
// For each dialect: start the built server once on a fresh database (SQLite in a temp DATA_DIR or a
// throw-away PostgreSQL cluster) to migrate and seed the demo network; stop it; load straight into
// the database (seeded PRNG, same data every run) one template, one campaign and per respondent an
// invitation, a response and BENCH_SURVEY_ANSWERS answers (6 SERVQUAL dimensions with expectation /
// perception pairs and plain ratings, one NPS question, one choice question) spread over the demo
// outlets, 13 provinces and BENCH_SURVEY_MONTHS months — SQLite: multi-row INSERTs of 100 rows in
// large transactions; PostgreSQL: INSERT … SELECT FROM unnest(arrays) of 20,000 rows. The answer
// table's secondary indexes are dropped during the load and rebuilt from their own definitions; its
// triggers that keep survey_answer_counts (migration 0013) are off during the load (SQLite: dropped
// and recreated; PostgreSQL: session_replication_role = replica) and the counts are rebuilt after
// by the migration's own rebuildSurveyAnswerCounts (dist).
// Then: EXPLAIN of the analysis statement exactly as the server's repository builds it (dist), and
// the built server started on the loaded database, timed over HTTP one request at a time:
//   GET /api/v1/survey-analysis?groupBy=region&thenBy=month  (dimension × region × month, HQ: all answers)
//   the same as the 华东 regional manager (org subtree), the month trend, the per-dimension overview,
//   dimension × outlet (also from the counts), and (no goal, for the record) dimension × technician,
//   which the counts cannot answer (read from survey_answers);
// p50/p99 of BENCH_SURVEY_RUNS runs each (after 2 warm-up runs), and the server's peak RSS.
//
// Env: BENCH_SURVEY_RESPONDENTS (50000)  BENCH_SURVEY_ANSWERS (20 per respondent, 20–40)
//      BENCH_SURVEY_MONTHS (24)  BENCH_SURVEY_RUNS (20)  BENCH_DIALECTS (sqlite,postgres)  BENCH_STRICT=1
// CI smoke: BENCH_SURVEY_RESPONDENTS=2000 BENCH_SURVEY_RUNS=5 npm run bench -- surveys
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect, SqliteDialect, CompiledQuery } from 'kysely';
import { login } from './lib/api.mjs';
import { benchId, prng } from './lib/bulk-workorders.mjs';
import { installCleanupHandlers, runCleanups } from './lib/cleanup.mjs';
import { finishBenchmark, formatMachine, machineInfo } from './lib/report.mjs';
import { repoRoot, serverEntry, startNodeServer } from './lib/server.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { seededDatabase } from './lib/seeded-database.mjs';
import { benchDialects, envNumber, runPerDialect } from './lib/env.mjs';

const RESPONDENTS = envNumber('BENCH_SURVEY_RESPONDENTS', 50_000, 100, 500_000);
const PER = envNumber('BENCH_SURVEY_ANSWERS', 20, 20, 40);
const MONTHS = envNumber('BENCH_SURVEY_MONTHS', 24, 1, 120);
const RUNS = envNumber('BENCH_SURVEY_RUNS', 20, 3, 500);
const DIALECTS = benchDialects();
const GOAL_MS = 1000;
const serverRequire = createRequire(path.join(repoRoot, 'apps/server/package.json'));
const Database = serverRequire('better-sqlite3');
const pg = serverRequire('pg');
const dist = (p) => import(pathToFileURL(path.join(repoRoot, 'apps/server/dist', p)).href);
const log = (msg) => console.log(`[surveys] ${msg}`);

const DIMENSIONS = ['tangibles', 'reliability', 'responsiveness', 'assurance', 'empathy', 'recovery'];
// Provinces per regional centre of the demo network (the respondent's province, not the outlet's).
const PROVINCES = { 'R-EAST': ['32', '33', '34', '31'], 'R-NORTH': ['13', '12', '11', '14', '15'], 'R-SW': ['51', '50', '52', '53'] };
const ORDER_TYPES = ['repair', 'repair', 'repair', 'maintenance', 'installation', 'complaint'];

/** The questionnaire: per dimension an expectation/perception pair and a plain rating, then NPS, a choice, extra ratings. */
function questions() {
  const qs = [];
  for (const d of DIMENSIONS) {
    qs.push({ kind: 'rating', dimension: d, pair: 'expectation' }, { kind: 'rating', dimension: d, pair: 'perception' }, { kind: 'rating', dimension: d, pair: null });
  }
  qs.push({ kind: 'nps', dimension: null, pair: null }, { kind: 'single', dimension: null, pair: null });
  while (qs.length < PER) qs.push({ kind: 'rating', dimension: DIMENSIONS[qs.length % 6], pair: null });
  return qs;
}

const ANSWER_COLS = ['id', 'response_id', 'campaign_id', 'template_id', 'question_id', 'question_kind', 'dimension', 'pair', 'raw', 'score', 'choice_json',
  'text_value', 'audience', 'month', 'answered_at', 'region_code', 'org_path', 'outlet_org_id', 'technician_id', 'model_id', 'order_type'];
const ANSWER_PG = ANSWER_COLS.map((c) => (c === 'raw' || c === 'score' ? 'float4' : c === 'answered_at' ? 'timestamptz' : 'varchar'));
const INVITATION_COLS = ['id', 'campaign_id', 'period', 'respondent_key', 'outlet_org_id', 'technician_id', 'model_id', 'order_type', 'respondent_name',
  'region_code', 'org_path', 'sent_at', 'expires_at', 'reminded_count', 'answered_at'];
const INVITATION_PG = INVITATION_COLS.map((c) => (c === 'reminded_count' ? 'int' : /_at$/.test(c) ? 'timestamptz' : 'varchar'));
const RESPONSE_COLS = ['id', 'invitation_id', 'campaign_id', 'template_id', 'audience', 'answered_at', 'month', 'region_code', 'org_path', 'outlet_org_id',
  'technician_id', 'model_id', 'order_type', 'score', 'nps', 'level'];
const RESPONSE_PG = RESPONSE_COLS.map((c) => (c === 'score' ? 'float4' : c === 'nps' ? 'int' : c === 'answered_at' ? 'timestamptz' : 'varchar'));
const TABLES = { survey_invitations: [INVITATION_COLS, INVITATION_PG], survey_responses: [RESPONSE_COLS, RESPONSE_PG], survey_answers: [ANSWER_COLS, ANSWER_PG] };

function sqliteWriter(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const ROWS = 100; // per INSERT: 100 × 21 parameters
  const stmts = {};
  const multi = (t, n) => (stmts[`${t}:${n}`] ??= db.prepare(`insert into ${t} (${TABLES[t][0].join(', ')}) values ${Array.from({ length: n }, () => `(${TABLES[t][0].map(() => '?').join(', ')})`).join(', ')}`));
  const write = db.transaction((t, rows) => {
    for (let i = 0; i < rows.length; i += ROWS) {
      const chunk = rows.slice(i, i + ROWS);
      multi(t, chunk.length).run(chunk.flat());
    }
  });
  return {
    query: async (sql, params = []) => {
      const st = db.prepare(sql);
      return st.reader ? st.all(params) : (st.run(params), []);
    },
    exec: async (sql) => db.exec(sql),
    version: async () => db.prepare('select sqlite_version() as v').get().v,
    insert: async (t, rows) => write(t, rows),
    dropIndexes: async (t) => {
      const defs = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`).all(t);
      for (const d of defs) db.exec(`drop index "${d.name}"`);
      return defs.map((d) => d.sql);
    },
    triggersOff: async (t) => {
      const defs = db.prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = ?`).all(t);
      for (const d of defs) db.exec(`drop trigger "${d.name}"`);
      return async () => {
        for (const d of defs) db.exec(d.sql);
      };
    },
    analyze: async () => db.exec('analyze'),
    close: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}

async function pgWriter(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  await client.query('set maintenance_work_mem = \'256MB\'');
  return {
    query: async (sql, params = []) => (await client.query(sql, params)).rows,
    exec: async (sql) => {
      await client.query(sql);
    },
    version: async () => (await client.query('show server_version')).rows[0].server_version,
    insert: async (t, rows) => {
      const [cols, types] = TABLES[t];
      for (let i = 0; i < rows.length; i += 20_000) {
        const chunk = rows.slice(i, i + 20_000);
        const arrays = cols.map((_, c) => chunk.map((r) => r[c]));
        await client.query(`insert into ${t} (${cols.join(', ')}) select * from unnest(${cols.map((_, c) => `$${c + 1}::${types[c]}[]`).join(', ')})`, arrays);
      }
    },
    dropIndexes: async (t) => {
      const defs = (await client.query(`select i.indexname, i.indexdef from pg_indexes i where i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [t])).rows;
      for (const d of defs) await client.query(`drop index "${d.indexname}"`);
      return defs.map((d) => d.indexdef);
    },
    // Triggers do not fire for this session only (superuser of the temp cluster).
    triggersOff: async () => {
      await client.query('set session_replication_role = replica');
      return async () => {
        await client.query('set session_replication_role = origin');
      };
    },
    // The visibility map lets the analysis read the primary key alone (index-only scan).
    analyze: async () => client.query('vacuum analyze'),
    close: async () => client.end(),
  };
}

const levelOf = (s) => (s >= 90 ? 'very_satisfied' : s >= 75 ? 'satisfied' : s >= 60 ? 'neutral' : s >= 40 ? 'dissatisfied' : 'very_dissatisfied');

function monthList(endMs) {
  const end = new Date(endMs);
  const out = [];
  for (let i = MONTHS - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - i, 15, 2));
    out.push({ month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`, at: d.getTime() });
  }
  return out;
}

/** Loads the answers; returns counts, timings and the expected totals the API must report. */
async function load(w, now) {
  const rnd = prng(20261124);
  const outlets = await w.query(`select o.id, o.path, r.code as region from orgs o join orgs r on r.id = o.parent_id where o.kind = 'outlet' order by o.code`);
  const techs = await w.query(`select u.id, u.org_id from users u join user_roles ur on ur.user_id = u.id where ur.role = 'technician' order by u.username`);
  const models = (await w.query('select id from product_models order by code')).map((m) => m.id);
  const [hq] = await w.query(`select id, path from orgs where code = 'HQ'`);
  if (outlets.length === 0 || models.length === 0 || !hq) throw new Error('demo data missing (outlets, models, HQ)');
  const at = new Date(now).toISOString();
  const templateId = benchId('5e000000', 1);
  const campaignId = benchId('5c000000', 1);
  await w.query(`insert into survey_templates (id, family_id, version, is_current, name, audience, description, questions_json, is_active, created_at, updated_at)
    values ('${templateId}', '${templateId}', 1, 1, '客户满意度调查表(基准)', 'customer', '', '[]', 1, '${at}', '${at}')`);
  await w.query(`insert into survey_campaigns (id, name, template_id, audience, org_id, org_path, schedule, target_json, sample_share, seed, expires_days,
    max_reminders, remind_after_days, status, launched_at, created_at, updated_at, version)
    values ('${campaignId}', '基准调查', '${templateId}', 'customer', '${hq.id}', '${hq.path}', 'monthly', '{}', 1, 1, 14, 0, 3, 'active', '${at}', '${at}', '${at}', 1)`);
  const dropped = await w.dropIndexes('survey_answers');
  const triggersOn = await w.triggersOff('survey_answers');
  const qs = questions();
  const months = monthList(now);
  const t0 = performance.now();
  const BATCH = 2_000; // respondents per flush
  for (let r0 = 0; r0 < RESPONDENTS; r0 += BATCH) {
    const inv = [];
    const resp = [];
    const ans = [];
    for (let r = r0; r < Math.min(RESPONDENTS, r0 + BATCH); r++) {
      const o = outlets[Math.floor(rnd() * outlets.length)];
      const provinces = PROVINCES[o.region] ?? ['32'];
      const region = provinces[Math.floor(rnd() * provinces.length)];
      const m = months[Math.floor(rnd() * months.length)];
      const answeredAt = new Date(m.at + Math.floor(rnd() * 10 * 86_400_000)).toISOString();
      const mine = techs.filter((t) => t.org_id === o.id);
      const tech = mine.length > 0 && rnd() < 0.8 ? mine[Math.floor(rnd() * mine.length)].id : null;
      const model = models[Math.floor(rnd() * models.length)];
      const orderType = ORDER_TYPES[Math.floor(rnd() * ORDER_TYPES.length)];
      const invitationId = benchId('5a000000', r);
      const responseId = benchId('5b000000', r);
      // A respondent's mood, plus drift by month and province, so the chart has something to show.
      const mood = rnd() * 2 - 1 + (months.indexOf(m) / months.length) * 0.6 + (Number(region) % 7) * 0.05;
      let total = 0;
      let rated = 0;
      let npsRaw = null;
      qs.forEach((q, qi) => {
        let raw = null;
        let score = null;
        if (q.kind === 'rating') {
          const bias = q.pair === 'expectation' ? 0.8 : DIMENSIONS.indexOf(q.dimension) * -0.15;
          raw = Math.max(1, Math.min(5, Math.round(3.6 + mood + bias + (rnd() - 0.5) * 2)));
          score = (raw - 1) * 25;
          if (q.pair !== 'expectation') {
            total += score;
            rated++;
          }
        } else if (q.kind === 'nps') {
          raw = Math.max(0, Math.min(10, Math.round(7.5 + mood * 2.5 + (rnd() - 0.5) * 3)));
          score = raw * 10;
          npsRaw = raw;
        }
        ans.push([
          benchId('5d000000', r * PER + qi), responseId, campaignId, templateId, `q${qi + 1}`, q.kind, q.dimension, q.pair, raw, score,
          q.kind === 'single' ? '["wait"]' : null, null, 'customer', m.month, answeredAt, region, o.path, o.id, tech, model, orderType,
        ]);
      });
      const overall = rated > 0 ? Math.round((total / rated) * 10) / 10 : null;
      inv.push([invitationId, campaignId, m.month, `customer:${r}`, o.id, tech, model, orderType, `客户${r}`, region, o.path, answeredAt, answeredAt, 0, answeredAt]);
      resp.push([responseId, invitationId, campaignId, templateId, 'customer', answeredAt, m.month, region, o.path, o.id, tech, model, orderType, overall, npsRaw, overall === null ? null : levelOf(overall)]);
    }
    await w.insert('survey_invitations', inv);
    await w.insert('survey_responses', resp);
    await w.insert('survey_answers', ans);
    if ((r0 / BATCH) % 5 === 0) log(`  ${Math.min(RESPONDENTS, r0 + BATCH).toLocaleString('en')} respondents …`);
  }
  const rowSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  for (const def of dropped) await w.exec(def);
  await triggersOn();
  const indexSeconds = (performance.now() - t1) / 1000;
  return { answers: RESPONDENTS * PER, rowSeconds, indexSeconds };
}

/** survey_answer_counts from the loaded answers by the migration's own function, then statistics. */
async function rebuildCounts(dialect, env, dataDir, w) {
  const { rebuildSurveyAnswerCounts } = await dist('db/migrations/20261124_0013_survey_analysis.js');
  const db = kyselyOf(dialect, env, dataDir);
  const t0 = performance.now();
  try {
    await rebuildSurveyAnswerCounts(db);
  } finally {
    await db.destroy();
  }
  const countsSeconds = (performance.now() - t0) / 1000;
  const t2 = performance.now();
  await w.analyze();
  const analyzeSeconds = (performance.now() - t2) / 1000;
  const countRows = Number((await w.query('select count(*) as n from survey_answer_counts'))[0].n);
  // What the analysis must count: every perception rating (the demo seed may hold answers too).
  const rated = `select count(*) as n from survey_answers where question_kind = 'rating' and score is not null and (pair is null or pair <> 'expectation')`;
  const expected = {
    ratings: Number((await w.query(rated))[0].n),
    eastRatings: Number((await w.query(`${rated} and org_path like $1`.replace('$1', `'${eastPath}%'`)))[0].n),
  };
  return { countsSeconds, analyzeSeconds, countRows, expected };
}
let eastPath = '';

function kyselyOf(dialect, env, dataDir, log) {
  return new Kysely({
    dialect: dialect === 'postgres'
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 }) })
      : new SqliteDialect({ database: new Database(path.join(dataDir, 'shouhoutong.sqlite')) }),
    ...(log ? { log } : {}),
  });
}

/** The repository's statements as the server builds them (dist), explained on the loaded database. */
async function explain(dialect, env, dataDir) {
  const { aggregateAnswers, countDissatisfiedChoices } = await dist('modules/surveys/surveys.analysis.repository.js');
  const captured = [];
  const db = kyselyOf(dialect, env, dataDir, (e) => captured.push(e.query));
  const out = [];
  try {
    for (const [what, run] of [
      ['dimension × region × month', () => aggregateAnswers(db, { all: true }, {}, ['region', 'month'])],
      ['choices of the dissatisfied', () => countDissatisfiedChoices(db, { all: true }, {})],
    ]) {
      await run();
      const q = captured.at(-1);
      const r = await db.executeQuery(CompiledQuery.raw(`${dialect === 'postgres' ? 'explain (analyze, buffers)' : 'explain query plan'} ${q.sql}`, [...q.parameters]));
      out.push({ what, sql: q.sql, plan: r.rows.map((row) => row['QUERY PLAN'] ?? row.detail ?? JSON.stringify(row)).join('\n') });
    }
    return out;
  } finally {
    await db.destroy();
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const loads = [];
const timings = [];
const plans = [];
const info = {};

async function benchDialect(dialect) {
  const now = Date.now();
  const { env, dataDir, password } = await seededDatabase({ dialect, log, tempPrefix: 'sht-bench-surveys-' });

  const w = dialect === 'postgres' ? await pgWriter(env.DATABASE_URL) : sqliteWriter(path.join(dataDir, 'shouhoutong.sqlite'));
  let loaded;
  try {
    info[dialect] = await w.version();
    eastPath = (await w.query(`select path from orgs where code = 'R-EAST'`))[0].path;
    log(`${dialect} · loading ${RESPONDENTS.toLocaleString('en')} respondents × ${PER} answers …`);
    loaded = await load(w, now);
    log(`  rebuilding survey_answer_counts …`);
    Object.assign(loaded, await rebuildCounts(dialect, env, dataDir, w));
  } finally {
    await w.close().catch(() => undefined);
  }
  loads.push({ dialect, ...loaded });
  log(`  ${loaded.answers.toLocaleString('en')} answers in ${fmt(loaded.rowSeconds, 1)} s, indexes ${fmt(loaded.indexSeconds, 1)} s, counts ${fmt(loaded.countsSeconds, 1)} s (${loaded.countRows.toLocaleString('en')} rows), analyze ${fmt(loaded.analyzeSeconds, 1)} s`);
  for (const ex of await explain(dialect, env, dataDir)) {
    plans.push({ dialect, ...ex });
    log(`  plan (${ex.what}):\n${ex.plan}`);
  }

  log(`starting 售后通 on the loaded ${dialect} database …`);
  const app = await startNodeServer({ name: `server (${dialect})`, script: serverEntry, env, startTimeoutMs: 120_000 });
  try {
    const admin = await login(app.url, 'admin', password);
    const east = await login(app.url, 'chenzhigang', password);
    const cases = [
      { what: 'dimension × region × month (HQ, all answers)', who: admin, url: '/api/v1/survey-analysis?groupBy=region&thenBy=month', n: loaded.expected.ratings },
      { what: 'dimension × region × month (华东 manager, subtree)', who: east, url: '/api/v1/survey-analysis?groupBy=region&thenBy=month', n: loaded.expected.eastRatings },
      { what: 'month trend (HQ)', who: admin, url: '/api/v1/survey-analysis/trend' },
      { what: 'per dimension overview (HQ)', who: admin, url: '/api/v1/survey-analysis', n: loaded.expected.ratings },
      { what: 'dimension × outlet (HQ)', who: admin, url: '/api/v1/survey-analysis?groupBy=outlet', n: loaded.expected.ratings },
      { what: 'dimension × technician, from survey_answers (HQ; no goal)', who: admin, url: '/api/v1/survey-analysis?groupBy=technician', n: loaded.expected.ratings, noGoal: true },
    ];
    for (const c of cases) {
      const call = async () => {
        const res = await fetch(app.url + c.url, { headers: { cookie: c.who.cookie } });
        const text = await res.text();
        if (res.status !== 200) throw new Error(`GET ${c.url}: HTTP ${res.status} ${text.slice(0, 300)}`);
        return JSON.parse(text);
      };
      const body = await call();
      if (c.n !== undefined && body.overall.n !== c.n) throw new Error(`${c.what}: overall.n ${body.overall.n}, expected ${c.n}`);
      await call();
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await call();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const groups = body.breakdown?.length ?? body.points?.length ?? 0;
      timings.push({ dialect, what: c.what, noGoal: c.noGoal === true, groups, p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1) });
      log(`  ${dialect} · ${c.what}: ${groups} rows, p50 ${fmt(percentile(times, 50), 0)} ms, p99 ${fmt(percentile(times, 99), 0)} ms`);
    }
  } finally {
    const rss = app.peakRssMb();
    for (const r of timings) if (r.dialect === dialect) r.rss = rss;
    await app.stop();
  }
}

function tables() {
  let missed = 0;
  const load = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'answers', title: 'answers', align: 'right' }, { key: 'respondents', title: 'respondents', align: 'right' },
      { key: 'rows', title: 'insert s', align: 'right' }, { key: 'rate', title: 'answers/s', align: 'right' }, { key: 'ix', title: 'index build s', align: 'right' },
      { key: 'cs', title: 'counts rebuild s', align: 'right' }, { key: 'cr', title: 'count rows', align: 'right' }, { key: 'an', title: 'ANALYZE s', align: 'right' },
    ],
    rows: loads.map((l) => ({
      dialect: l.dialect, answers: fmt(l.answers, 0), respondents: fmt(RESPONDENTS, 0), rows: fmt(l.rowSeconds, 1), rate: fmt(l.answers / l.rowSeconds, 0),
      ix: fmt(l.indexSeconds, 1), cs: fmt(l.countsSeconds, 1), cr: fmt(l.countRows, 0), an: fmt(l.analyzeSeconds, 1),
    })),
  };
  const query = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'what', title: 'request' }, { key: 'groups', title: 'rows', align: 'right' },
      { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' }, { key: 'max', title: 'max ms', align: 'right' },
      { key: 'rss', title: 'server peak RSS MB', align: 'right' }, { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: timings.map((r) => {
      const ok = r.p99 < GOAL_MS;
      if (!ok && !r.noGoal) missed++;
      return {
        dialect: r.dialect, what: r.what, groups: fmt(r.groups, 0), p50: fmt(r.p50, 0), p99: fmt(r.p99, 0), max: fmt(r.max, 0), rss: fmt(r.rss, 0),
        goal: r.noGoal ? '—' : `p99 < ${GOAL_MS} ms`, pass: r.noGoal ? '—' : ok ? 'pass' : 'FAIL',
      };
    }),
  };
  return { load, query, missed };
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build the server first (npx tsc -b apps/server)`);
  await dist('modules/surveys/surveys.analysis.repository.js');
  const startedAt = Date.now();
  const fatal = await runPerDialect(DIALECTS, benchDialect, log, runCleanups);
  const t = tables();
  const machine = machineInfo({
    ...(info.sqlite ? { sqlite: info.sqlite } : {}),
    ...(info.postgres ? { postgres: `${info.postgres} (temp cluster)` } : {}),
    load: `${RESPONDENTS.toLocaleString('en')} respondents × ${PER} answers, ${MONTHS} months; ${RUNS} sequential HTTP requests per case after 2 warm-up`,
    'wall time': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  });
  const planText = plans.map((p) => `${p.dialect} · ${p.what}:\n\n\`\`\`sql\n${p.sql}\n\`\`\`\n\n\`\`\`\n${p.plan}\n\`\`\``).join('\n\n');
  const md = [
    '# Survey analysis benchmark — latest run', '', formatMachine(machine), '', '## Bulk load', '', formatMarkdown(t.load), '',
    '## Analysis over HTTP (one request at a time)', '', formatMarkdown(t.query), '', '## Query plans', '', planText, '',
  ].join('\n');
  await finishBenchmark({ name: 'surveys', machine, markdown: md, tables: [formatTable(t.load), formatTable(t.query)], fatal, errors: 0, missed: t.missed });
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
