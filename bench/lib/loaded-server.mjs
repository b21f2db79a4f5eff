// A 售后通 server on a database with many customers and units:
//   1. start the built server once on a fresh database (SQLite in a temp DATA_DIR, or a throw-away
//      PostgreSQL cluster): it migrates and seeds the demo orgs, users, catalogue and customers; stop it;
//   2. bulk-load synthetic customers (+ contacts, phones, search terms) and units (+ meter readings)
//      straight into the database (SQLite: better-sqlite3 prepared statements in large transactions;
//      PostgreSQL: INSERT … SELECT FROM unnest(arrays) in batches, then ANALYZE);
//   3. start the server again on the loaded database.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ownCleanup } from './cleanup.mjs';
import { serverEntry, startNodeServer, tempDir } from './server.mjs';
import { generateCustomers, generateUnits } from './bulk-data.mjs';

const TABLES = {
  customers: ['id', 'org_id', 'kind', 'name', 'name_pinyin', 'name_initials', 'source', 'grade', 'is_active', 'version', 'created_at', 'updated_at'],
  customer_contacts: ['id', 'customer_id', 'position', 'name', 'title', 'is_primary'],
  customer_phones: ['contact_id', 'position', 'customer_id', 'phone', 'digits'],
  customer_search_terms: ['kind', 'term', 'customer_id'],
  equipment_units: ['id', 'serial_no', 'model_id', 'customer_id', 'outlet_org_id', 'site_address', 'sale_date', 'delivery_date', 'installation_date', 'acceptance_date', 'warranty_start_event', 'status', 'version', 'created_at', 'updated_at'],
  equipment_readings: ['id', 'unit_id', 'reading_date', 'value', 'created_at'],
};
// PostgreSQL array types for unnest().
const PG_TYPES = {
  customers: ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'boolean', 'int', 'timestamptz', 'timestamptz'],
  customer_contacts: ['varchar', 'varchar', 'int', 'varchar', 'varchar', 'boolean'],
  customer_phones: ['varchar', 'int', 'varchar', 'varchar', 'varchar'],
  customer_search_terms: ['varchar', 'varchar', 'varchar'],
  equipment_units: ['varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'varchar', 'int', 'timestamptz', 'timestamptz'],
  equipment_readings: ['varchar', 'varchar', 'varchar', 'float8', 'timestamptz'],
};

/** Writes rows table by table; `flush()` every few thousand customers / units. */
function sqliteWriter(file) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144'); // 256 MB page cache while loading
  const stmts = {};
  for (const [t, cols] of Object.entries(TABLES)) {
    stmts[t] = db.prepare(`insert into ${t} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  }
  const buf = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
  const write = db.transaction(() => {
    for (const t of Object.keys(TABLES)) {
      const s = stmts[t];
      for (const row of buf[t]) s.run(row);
      buf[t].length = 0;
    }
  });
  return {
    db,
    query: async (sql) => db.prepare(sql).all(),
    add: (t, obj) => buf[t].push(TABLES[t].map((c) => sqliteValue(obj[c]))),
    flush: async () => write(),
    analyze: async () => db.exec('analyze'),
    close: async () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
const sqliteValue = (v) => (v === undefined ? null : v === true ? 1 : v === false ? 0 : v);

async function pgWriter(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  const buf = Object.fromEntries(Object.keys(TABLES).map((t) => [t, []]));
  const sqlOf = Object.fromEntries(Object.entries(TABLES).map(([t, cols]) => [
    t,
    `insert into ${t} (${cols.join(', ')}) select * from unnest(${cols.map((_, i) => `$${i + 1}::${PG_TYPES[t][i]}[]`).join(', ')})`,
  ]));
  return {
    query: async (sql) => (await client.query(sql)).rows,
    add: (t, obj) => buf[t].push(obj),
    flush: async () => {
      await client.query('begin');
      for (const [t, cols] of Object.entries(TABLES)) {
        const rows = buf[t];
        if (rows.length === 0) continue;
        const arrays = cols.map((c) => rows.map((r) => {
          const v = r[c];
          return v === undefined ? null : v;
        }));
        await client.query(sqlOf[t], arrays);
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

/**
 * @param {{ dialect: 'sqlite'|'postgres', customers: number, units: number, log: (m: string) => void,
 *           samplesPer?: number, pgPoolSize?: string, sqliteAnalyze?: boolean }} opts
 * @returns the running server, the demo password, load statistics and sample data for queries.
 */
export async function startLoadedServer(opts) {
  const { dialect, log } = opts;
  const password = `Bench${randomBytes(6).toString('hex')}9`;
  const dataDir = await tempDir('sht-bench-data-');
  const env = { DEMO_PASSWORD: password, SEED_DEMO: 'true', DATA_DIR: dataDir };
  const info = {};
  if (dialect === 'postgres') {
    const { startTempPostgres, tempPostgresUnavailableReason } = await tsImport('../../apps/server/src/test/pg-cluster.ts', import.meta.url);
    log('starting a temporary PostgreSQL cluster …');
    const pgc = await startTempPostgres({ database: 'sht_bench', log: (m) => log(`  pg: ${m}`) });
    if (pgc === null) throw new Error(`PostgreSQL unavailable: ${tempPostgresUnavailableReason()}`);
    ownCleanup('stop PostgreSQL', () => pgc.stop());
    env.DATABASE_URL = pgc.url;
    if (opts.pgPoolSize) env.PG_POOL_SIZE = opts.pgPoolSize;
  }
  log(`migrating + seeding the demo data (${dialect}) …`);
  const first = await startNodeServer({ name: `server (${dialect}, seed)`, script: serverEntry, env });
  await first.stop();

  const w = dialect === 'postgres' ? await pgWriter(env.DATABASE_URL) : sqliteWriter(path.join(dataDir, 'shouhoutong.sqlite'));
  try {
    if (dialect === 'postgres') info.postgres = (await w.query('show server_version'))[0].server_version;
    else info.sqlite = w.db.prepare('select sqlite_version() as v').get().v;
    const orgs = await w.query('select id, code, kind, path from orgs');
    const outlets = orgs.filter((o) => o.kind === 'outlet').sort((a, b) => a.code.localeCompare(b.code));
    const east = orgs.find((o) => o.code === 'R-EAST');
    if (outlets.length === 0 || !east) throw new Error('demo orgs missing (no outlets or no R-EAST)');
    const models = (await w.query(`select m.id, m.code, m.meter_kind from product_models m join product_categories c on c.id = m.category_id
      where m.policy_json is not null or c.policy_json is not null order by m.code`))
      .map((m) => ({ ...m, prefix: m.code.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8) }));
    if (models.length === 0) throw new Error('no product model with a warranty policy in the demo catalogue');

    const samplesPer = opts.samplesPer ?? 400;
    const everyC = Math.max(1, Math.floor(opts.customers / samplesPer));
    const samples = { customers: [], units: [] };
    const rows = { customers: 0, customer_contacts: 0, customer_phones: 0, customer_search_terms: 0, equipment_units: 0, equipment_readings: 0 };
    const BATCH = dialect === 'postgres' ? 2000 : 20000;

    log(`loading ${opts.customers.toLocaleString('en')} customers (contacts, phones, search terms) …`);
    let t0 = performance.now();
    let n = 0;
    let pending = 0;
    const progressEvery = Math.max(BATCH, Math.floor(opts.customers / 5));
    // The generator is synchronous; flush whenever a batch is full.
    const queue = [];
    generateCustomers({
      count: opts.customers, orgs: outlets,
      onCustomer: (c) => queue.push(c),
    });
    for (const c of queue.splice(0)) {
      w.add('customers', { ...c.customer, is_active: true, version: 1 });
      w.add('customer_contacts', c.contact);
      for (const p of c.phones) w.add('customer_phones', p);
      for (const t of c.terms) w.add('customer_search_terms', { kind: t.kind, term: t.term, customer_id: c.customer.id });
      rows.customers++;
      rows.customer_contacts++;
      rows.customer_phones += c.phones.length;
      rows.customer_search_terms += c.terms.length;
      if (n % everyC === 0) {
        const org = outlets.find((o) => o.id === c.customer.org_id);
        samples.customers.push({ name: c.customer.name, kind: c.customer.kind, initials: c.initials, phone: c.phones[0].digits, inEast: org.path.startsWith(east.path) });
      }
      n++;
      if (++pending >= BATCH) {
        await w.flush();
        pending = 0;
        if (n % progressEvery < BATCH) log(`  ${n.toLocaleString('en')} customers, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
      }
    }
    await w.flush();
    const customerSeconds = (performance.now() - t0) / 1000;

    log(`loading ${opts.units.toLocaleString('en')} units (+ meter readings for every 5th unit with a meter) …`);
    t0 = performance.now();
    const everyU = Math.max(1, Math.floor(opts.units / samplesPer));
    const orgOfCustomer = (ci) => outlets[ci % outlets.length].id;
    pending = 0;
    const unitBatch = [];
    const drain = async () => {
      for (const x of unitBatch.splice(0)) {
        w.add('equipment_units', x.unit);
        for (const r of x.readings) w.add('equipment_readings', r);
      }
      await w.flush();
    };
    // Generate in slices so that memory stays bounded for a million units.
    const SLICE = 50_000;
    for (let start = 0; start < opts.units; start += SLICE) {
      const count = Math.min(SLICE, opts.units - start);
      const slice = [];
      generateUnits({ count, customerCount: opts.customers, models, customerOrgs: orgOfCustomer, seed: 2 + start, onUnit: (x) => slice.push(x) });
      for (const [k, x] of slice.entries()) {
        // Unique serials and ids across slices.
        const i = start + k;
        x.unit.id = `e0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
        x.unit.serial_no = x.unit.serial_no.slice(0, -7) + String(i).padStart(7, '0');
        x.readings.forEach((r, k) => {
          r.id = `e1000000-0000-4000-8000-${(i * 2 + k).toString(16).padStart(12, '0')}`;
          r.unit_id = x.unit.id;
        });
        rows.equipment_units++;
        rows.equipment_readings += x.readings.length;
        if (i % everyU === 0) {
          const ci = Number.parseInt(x.unit.customer_id.slice(-12), 16);
          const org = outlets[ci % outlets.length];
          samples.units.push({ id: x.unit.id, serial: x.unit.serial_no, inEast: org.path.startsWith(east.path), hasReadings: x.readings.length > 0 });
        }
        unitBatch.push(x);
        if (++pending >= BATCH) {
          await drain();
          pending = 0;
        }
      }
      log(`  ${(start + count).toLocaleString('en')} units, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await drain();
    const unitSeconds = (performance.now() - t0) / 1000;

    let analyzeSeconds = 0;
    if (dialect === 'postgres' || opts.sqliteAnalyze) {
      log('ANALYZE …');
      t0 = performance.now();
      await w.analyze();
      analyzeSeconds = (performance.now() - t0) / 1000;
    }
    await w.close();
    const load = { rows, customerSeconds, unitSeconds, analyzeSeconds };
    log(`  loaded in ${(customerSeconds + unitSeconds).toFixed(1)} s (+ ANALYZE ${analyzeSeconds.toFixed(1)} s): ${JSON.stringify(rows)}`);

    log(`starting 售后通 on the loaded ${dialect} database …`);
    const app = await startNodeServer({ name: `server (${dialect})`, script: serverEntry, env, startTimeoutMs: 120_000 });
    return { app, password, load, samples, info };
  } catch (err) {
    await w.close().catch(() => undefined);
    throw err;
  }
}
