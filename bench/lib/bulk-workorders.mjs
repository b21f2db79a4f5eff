// A 售后通 database with a million open work orders, for bench/workorders.bench.mjs:
//   1. start the built server once on a fresh database (SQLite in a temp DATA_DIR, or a throw-away
//      PostgreSQL cluster): it migrates and seeds the demo orgs, users, catalogue and SLA policies; stop it;
//   2. load straight into the database (not through the API; seeded PRNG, same data every run):
//      technicians spread over the demo outlets (with a session each, so the benchmark needs no
//      rate-limited logins), customers and units for the hotline agent to create orders for, and
//      the open work orders with a realistic spread of statuses, assignees and next_sla_check_at;
//      SQLite: better-sqlite3 prepared statements in large transactions; PostgreSQL: INSERT … SELECT
//      FROM unnest(arrays) in batches, then ANALYZE. The work_orders secondary indexes are dropped
//      during the load and rebuilt from their own definitions afterwards.
// The caller starts the server on the returned env.
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { seededDatabase } from './seeded-database.mjs';

const ORDER_COLUMNS = [
  'id', 'number', 'type', 'priority', 'channel', 'status', 'resume_status', 'service_level', 'title', 'description', 'fault_category',
  'fault_date', 'caller_name', 'caller_phone', 'site_address', 'customer_id', 'equipment_id', 'org_id', 'org_path', 'assignee_id',
  'sla_policy_id', 'sla_response_minutes', 'sla_arrival_minutes', 'sla_resolution_minutes', 'sla_warn_share', 'sla_all_hours',
  'diagnosis_json', 'is_repeat', 'repeat_of_id', 'reopen_count', 'response_due_at', 'arrival_due_at', 'resolution_due_at',
  'next_sla_check_at', 'created_by', 'created_at', 'updated_at', 'version',
];
const V = 'varchar';
const TS = 'timestamptz';
const TABLES = {
  users: {
    cols: ['id', 'org_id', 'username', 'name', 'phone', 'email', 'password_hash', 'is_active', 'must_change_password', 'failed_logins', 'locked_until', 'last_login_at', 'version', 'created_at', 'updated_at'],
    pg: [V, V, V, V, V, V, V, 'boolean', 'boolean', 'int', TS, TS, 'int', TS, TS],
  },
  user_roles: { cols: ['user_id', 'role'], pg: [V, V] },
  sessions: {
    cols: ['id', 'user_id', 'csrf_token', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'],
    pg: [V, V, V, TS, TS, TS, V, V],
  },
  customers: {
    cols: ['id', 'org_id', 'kind', 'name', 'name_pinyin', 'name_initials', 'source', 'is_active', 'version', 'created_at', 'updated_at'],
    pg: [V, V, V, V, V, V, V, 'boolean', 'int', TS, TS],
  },
  equipment_units: {
    cols: ['id', 'serial_no', 'model_id', 'customer_id', 'outlet_org_id', 'sale_date', 'status', 'version', 'created_at', 'updated_at'],
    pg: [V, V, V, V, V, V, V, 'int', TS, TS],
  },
  work_orders: {
    cols: ORDER_COLUMNS,
    // sla_warn_share is real, the booleans of this table are integers (see the migration).
    pg: ORDER_COLUMNS.map((c) => (/_at$/.test(c) ? TS : /minutes$|^sla_all_hours$|^is_repeat$|^reopen_count$|^version$/.test(c) ? 'int' : c === 'sla_warn_share' ? 'float4' : V)),
  },
};

/** mulberry32: a small seeded PRNG, so every run loads the same data. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic UUID-v4-shaped ids: `<prefix 8 hex>-0000-4000-8000-<n as 12 hex>`. */
export const benchId = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const sha256 = (v) => createHash('sha256').update(v).digest('hex');
const iso = (ms) => new Date(ms).toISOString();

// The work-order module is young: insert only the columns the migrated table has (a column added
// later, e.g. calendar_id, stays null = the default), and fail early on a required one we do not fill.
function checkColumns(tables, t, existing) {
  const missing = tables[t].cols.filter((c) => !existing.includes(c));
  if (missing.length > 0) throw new Error(`${t} has no column(s) ${missing.join(', ')}: update bench/lib/bulk-workorders.mjs`);
  return existing.filter((c) => !tables[t].cols.includes(c));
}

function sqliteWriter(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB page cache while loading
  const tables = structuredClone(TABLES);
  const stmts = {};
  const stmt = (t) => (stmts[t] ??= db.prepare(`insert into ${t} (${tables[t].cols.join(', ')}) values (${tables[t].cols.map(() => '?').join(', ')})`));
  const buf = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
  const write = db.transaction(() => {
    for (const t of Object.keys(TABLES)) {
      for (const row of buf[t]) stmt(t).run(row);
      buf[t].length = 0;
    }
  });
  const value = (v) => (v === undefined ? null : v === true ? 1 : v === false ? 0 : v);
  return {
    query: async (sql) => db.prepare(sql).all(),
    version: async () => db.prepare('select sqlite_version() as v').get().v,
    columns: async (t) => db.prepare(`select name from pragma_table_info('${t}')`).all().map((r) => r.name),
    checkColumns: (t, existing) => checkColumns(tables, t, existing),
    dropIndexes: async (t) => {
      const defs = db.prepare(`select name, sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null`).all(t);
      for (const d of defs) db.exec(`drop index "${d.name}"`);
      return defs.map((d) => d.sql);
    },
    exec: async (sql) => db.exec(sql),
    add: (t, obj) => buf[t].push(tables[t].cols.map((c) => value(obj[c]))),
    flush: async () => write(),
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
  const tables = structuredClone(TABLES);
  const buf = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
  const sqlOf = (t) => {
    const { cols, pg: types } = tables[t];
    return `insert into ${t} (${cols.join(', ')}) select * from unnest(${cols.map((_, i) => `$${i + 1}::${types[i]}[]`).join(', ')})`;
  };
  return {
    query: async (sql) => (await client.query(sql)).rows,
    version: async () => (await client.query('show server_version')).rows[0].server_version,
    columns: async (t) => (await client.query('select column_name from information_schema.columns where table_name = $1', [t])).rows.map((r) => r.column_name),
    checkColumns: (t, existing) => checkColumns(tables, t, existing),
    dropIndexes: async (t) => {
      // Secondary indexes only: those behind a primary key or unique constraint stay.
      const defs = (await client.query(`select i.indexname, i.indexdef from pg_indexes i where i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`, [t])).rows;
      for (const d of defs) await client.query(`drop index "${d.indexname}"`);
      return defs.map((d) => d.indexdef);
    },
    exec: async (sql) => {
      await client.query(sql);
    },
    add: (t, obj) => buf[t].push(obj),
    flush: async () => {
      await client.query('begin');
      for (const [t, { cols }] of Object.entries(tables)) {
        const rows = buf[t];
        if (rows.length === 0) continue;
        await client.query(sqlOf(t), cols.map((c) => rows.map((r) => r[c] ?? null)));
        buf[t].length = 0;
      }
      await client.query('commit');
    },
    analyze: async () => {
      await client.query('analyze');
    },
    close: async () => client.end(),
  };
}

const SURNAMES = Array.from('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤');
const GIVEN = Array.from('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文辉春梅海波宁鹏飞斌浩凯晨');
const FAULTS = [
  ['发动机无法启动', '液压系统'], ['液压油温过高', '液压系统'], ['行走无力,爬坡困难', '行走系统'], ['空调不制冷', '电气系统'],
  ['仪表盘报警灯常亮', '电气系统'], ['割台异响', '作业部件'], ['变速箱挂挡困难', '传动系统'], ['冒黑烟、油耗高', '发动机'],
];

// Open statuses and their shares (sum 1): who has the order and whether its clocks run.
const STATUS_MIX = [
  ['new', 0.12], ['accepted', 0.08], ['dispatched', 0.2], ['travelling', 0.05], ['on_site', 0.15], ['waiting_parts', 0.28], ['waiting_customer', 0.12],
];
const pickStatus = (r) => {
  let x = r;
  for (const [s, share] of STATUS_MIX) {
    if (x < share) return s;
    x -= share;
  }
  return 'new';
};
const ASSIGNED = new Set(['dispatched', 'travelling', 'on_site', 'waiting_parts', 'waiting_customer']);
const PAUSED = new Set(['waiting_parts', 'waiting_customer']);

/**
 * Next SLA check of an open order relative to `now` (ms): a paused order (waiting for parts or the
 * customer) has no running clock (null); 2 % are already due, spread over the last hour (a sweep
 * that fell an hour behind at peak time); the rest lie ahead, most within hours (response and
 * arrival warnings), a tail up to three days (resolution promises over weekends and holidays).
 */
function nextCheck(status, r, now) {
  if (PAUSED.has(status)) return null;
  if (r < 0.02) return now - (r / 0.02) * 3_600_000;
  const ahead = (r - 0.02) / 0.98;
  return now + Math.round(ahead * ahead * 3 * 86_400_000) + 1000;
}

/**
 * Migrates + seeds a fresh database, bulk-loads it and returns what the benchmark needs.
 * @param {{ dialect: 'sqlite'|'postgres', orders: number, customers: number, units: number, technicians: number,
 *           log: (m: string) => void, now: number }} opts
 */
export async function prepareWorkOrderDatabase(opts) {
  const { dialect, log, now } = opts;
  const { env, dataDir, password } = await seededDatabase({ dialect, log, tempPrefix: 'sht-bench-wo-' });
  const info = {};

  const w = dialect === 'postgres' ? await pgWriter(env.DATABASE_URL) : sqliteWriter(path.join(dataDir, 'shouhoutong.sqlite'));
  try {
    info[dialect] = await w.version();
    const loaded = await load(w, { ...opts, dialect });
    return { env, password, dataDir, info, ...loaded };
  } finally {
    await w.close().catch(() => undefined);
  }
}

async function load(w, opts) {
  const { log, now } = opts;
  const rnd = prng(20261123);
  const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
  const at = iso(now);
  const outlets = (await w.query(`select id, path, service_level from orgs where kind = 'outlet' order by code`));
  const models = (await w.query('select id from product_models order by code')).map((m) => m.id);
  const [agent] = await w.query(`select id from users where username = 'lixiuying'`);
  const [tech] = await w.query(`select password_hash from users where username = 'huanglei'`);
  const [policy] = await w.query(`select id, response_minutes, arrival_minutes, resolution_minutes, warn_share from sla_policies
    where type is null and priority is null and service_level is null`);
  if (outlets.length === 0 || models.length === 0 || !agent || !tech || !policy) throw new Error('demo data missing (outlets, models, lixiuying, huanglei or the standard SLA policy)');
  const unfilled = w.checkColumns('work_orders', await w.columns('work_orders'));
  if (unfilled.length > 0) log(`  work_orders columns left null: ${unfilled.join(', ')}`);
  const rows = { technicians: 0, customers: 0, equipment_units: 0, work_orders: 0 };
  const t0 = performance.now();

  // Technicians, round-robin over the outlets, each with a live session (cookie = the raw token).
  const technicians = [];
  const techsOf = outlets.map(() => []);
  for (let i = 0; i < opts.technicians; i++) {
    const oi = i % outlets.length;
    const id = benchId('7e000000', i);
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(24).toString('base64url');
    w.add('users', {
      id, org_id: outlets[oi].id, username: `benchtech${String(i).padStart(4, '0')}`, name: `${pick(SURNAMES)}${pick(GIVEN)}${i}`, phone: null, email: null,
      password_hash: tech.password_hash, is_active: true, must_change_password: false, failed_logins: 0, version: 1, created_at: at, updated_at: at,
    });
    w.add('user_roles', { user_id: id, role: 'technician' });
    w.add('sessions', { id: sha256(token), user_id: id, csrf_token: csrf, created_at: at, last_seen_at: at, expires_at: iso(now + 8 * 3_600_000), ip: '127.0.0.1', user_agent: 'bench' });
    technicians.push({ id, cookie: `sht_sid=${token}`, orgPath: outlets[oi].path, open: 0 });
    techsOf[oi].push(i);
    rows.technicians++;
  }
  await w.flush();

  // Customers (round-robin over outlets) and their units (unit u belongs to customer u % customers).
  const BATCH = 10_000;
  for (let i = 0; i < opts.customers; i++) {
    const name = `${pick(SURNAMES)}${pick(GIVEN)}${pick(GIVEN)}`;
    w.add('customers', {
      id: benchId('c7000000', i), org_id: outlets[i % outlets.length].id, kind: 'individual', name, name_pinyin: name, name_initials: 'x',
      source: 'hotline', is_active: true, version: 1, created_at: at, updated_at: at,
    });
    rows.customers++;
    if (rows.customers % BATCH === 0) await w.flush();
  }
  await w.flush();
  for (let u = 0; u < opts.units; u++) {
    const ci = u % opts.customers;
    w.add('equipment_units', {
      id: benchId('e7000000', u), serial_no: `WOB${String(u).padStart(9, '0')}`, model_id: models[u % models.length], customer_id: benchId('c7000000', ci),
      outlet_org_id: outlets[ci % outlets.length].id, sale_date: iso(now - (30 + (u % 900)) * 86_400_000).slice(0, 10), status: 'in_service', version: 1, created_at: at, updated_at: at,
    });
    rows.equipment_units++;
    if (rows.equipment_units % BATCH === 0) await w.flush();
  }
  await w.flush();
  const baseSeconds = (performance.now() - t0) / 1000;
  log(`  ${rows.technicians} technicians, ${rows.customers.toLocaleString('en')} customers, ${rows.equipment_units.toLocaleString('en')} units in ${baseSeconds.toFixed(1)} s`);

  // The open orders: 85 % on a unit (repair, maintenance, installation), 15 % consultations and complaints.
  // The secondary indexes are dropped while loading and created again from their own definitions
  // (read back from the database, so they are exactly the migration's): much faster than
  // maintaining six indexes row by row, and the same indexes afterwards.
  const indexes = await w.dropIndexes('work_orders');
  log(`loading ${opts.orders.toLocaleString('en')} open work orders (then ${indexes.length} indexes) …`);
  const t1 = performance.now();
  let due = 0;
  let paused = 0;
  const progressEvery = Math.max(BATCH, Math.floor(opts.orders / 5));
  for (let i = 0; i < opts.orders; i++) {
    const onUnit = rnd() < 0.85;
    const u = Math.floor(rnd() * opts.units);
    const ci = onUnit ? u % opts.customers : Math.floor(rnd() * opts.customers);
    const oi = ci % outlets.length;
    const outlet = outlets[oi];
    const status = pickStatus(rnd());
    let assignee = null;
    if (ASSIGNED.has(status) && techsOf[oi].length > 0) {
      const t = techsOf[oi][Math.floor(rnd() * techsOf[oi].length)];
      assignee = technicians[t].id;
      technicians[t].open++;
    }
    // Opened within the last 30 days, more of them recently; generated oldest first, as they were
    // inserted in real life (index pages fill at the end, not at random).
    const left = 1 - i / opts.orders;
    const created = now - Math.round(left * left * 30 * 86_400_000) - 60_000;
    const check = nextCheck(status, rnd(), now);
    if (check === null) paused++;
    else if (check <= now) due++;
    const type = onUnit ? (rnd() < 0.85 ? 'repair' : rnd() < 0.6 ? 'maintenance' : 'installation') : rnd() < 0.7 ? 'consultation' : 'complaint';
    const [title, category] = pick(FAULTS);
    const createdIso = iso(created);
    w.add('work_orders', {
      id: benchId('a7000000', i), number: `WB${String(i).padStart(10, '0')}`, type, priority: rnd() < 0.08 ? 'urgent' : rnd() < 0.1 ? 'high' : 'normal',
      channel: pick(['hotline', 'hotline', 'hotline', 'portal', 'outlet', 'sales']), status, resume_status: PAUSED.has(status) ? 'on_site' : null,
      service_level: outlet.service_level, title, description: `${title},客户来电报修。`, fault_category: category, fault_date: createdIso.slice(0, 10),
      caller_name: null, caller_phone: null, site_address: null, customer_id: benchId('c7000000', ci), equipment_id: onUnit ? benchId('e7000000', u) : null,
      org_id: outlet.id, org_path: outlet.path, assignee_id: assignee, sla_policy_id: policy.id, sla_response_minutes: policy.response_minutes,
      sla_arrival_minutes: policy.arrival_minutes, sla_resolution_minutes: policy.resolution_minutes, sla_warn_share: Number(policy.warn_share),
      sla_all_hours: 0, diagnosis_json: null, is_repeat: 0, repeat_of_id: null, reopen_count: 0,
      response_due_at: iso(created + policy.response_minutes * 60_000), arrival_due_at: iso(created + 86_400_000), resolution_due_at: iso(created + 2 * 86_400_000),
      next_sla_check_at: check === null ? null : iso(check), created_by: agent.id, created_at: createdIso, updated_at: createdIso, version: 1,
    });
    rows.work_orders++;
    if (rows.work_orders % BATCH === 0) {
      await w.flush();
      if (rows.work_orders % progressEvery === 0) log(`  ${rows.work_orders.toLocaleString('en')} orders, ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    }
  }
  await w.flush();
  const t3 = performance.now();
  for (const def of indexes) await w.exec(def);
  const indexSeconds = (performance.now() - t3) / 1000;
  const orderSeconds = (performance.now() - t1) / 1000;
  let analyzeSeconds = 0;
  if (opts.dialect === 'postgres') {
    log('ANALYZE …');
    const t2 = performance.now();
    await w.analyze();
    analyzeSeconds = (performance.now() - t2) / 1000;
  }
  log(`  loaded ${rows.work_orders.toLocaleString('en')} orders in ${orderSeconds.toFixed(1)} s (indexes ${indexSeconds.toFixed(1)} s of it; + ANALYZE ${analyzeSeconds.toFixed(1)} s); ${due.toLocaleString('en')} due now, ${paused.toLocaleString('en')} paused`);
  const opens = technicians.map((t) => t.open).sort((a, b) => a - b);
  return {
    technicians,
    rows,
    stats: { due, paused, techOpenMin: opens[0] ?? 0, techOpenMedian: opens[Math.floor(opens.length / 2)] ?? 0, techOpenMax: opens.at(-1) ?? 0 },
    timing: { baseSeconds, orderSeconds, indexSeconds, analyzeSeconds },
    // For the create-order load: customer i owns units i, i + customers, i + 2·customers, …
    customerId: (i) => benchId('c7000000', i),
    unitId: (u) => benchId('e7000000', u),
  };
}
