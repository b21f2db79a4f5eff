// Warranty status of a unit (三包): goal p99 < 5 ms.
//
// 1. In-process, no I/O: the pure computeWarranty() of packages/domain on the shipped presets, for a
//    plain unit (two meter readings) and a busy one (repairs, a repeated serious fault, a contract),
//    with and without rendering the zh-CN explanations the API returns.
// 2. Over HTTP: GET /api/v1/equipment/:id/warranty as a hotline agent at HQ on a database with
//    BENCH_WARRANTY_UNITS units loaded (lib/loaded-server.mjs), cycling through a few hundred units,
//    at BENCH_CONNECTIONS connections and with a single client.
//
// Env:
//   BENCH_WARRANTY_CUSTOMERS (30000)  BENCH_WARRANTY_UNITS (200000)   sizes loaded per dialect
//   BENCH_SECONDS (5)  BENCH_WARMUP (1)  BENCH_CONNECTIONS (10)  BENCH_DIALECTS (sqlite,postgres)
//   BENCH_WARRANTY_CALLS (20000)      in-process calls per case
//   BENCH_STRICT=1                    exit 1 when a goal is missed
import { existsSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import { installCleanupHandlers, runCleanups } from './lib/cleanup.mjs';
import { login, getJson } from './lib/api.mjs';
import { startLoadedServer } from './lib/loaded-server.mjs';
import { measurePaths } from './lib/paths-load.mjs';
import { serverEntry } from './lib/server.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { benchDialects, envNumber, runPerDialect } from './lib/env.mjs';
import { finishBenchmark, formatMachine, machineInfo } from './lib/report.mjs';

const CUSTOMERS = envNumber('BENCH_WARRANTY_CUSTOMERS', 30_000, 100, 2_000_000);
const UNITS = envNumber('BENCH_WARRANTY_UNITS', 200_000, 100, 5_000_000);
const CALLS = envNumber('BENCH_WARRANTY_CALLS', 20_000, 100, 1_000_000);
const SECONDS = envNumber('BENCH_SECONDS', 5, 1, 60);
const WARMUP = envNumber('BENCH_WARMUP', 1, 0, 30);
const CONNECTIONS = envNumber('BENCH_CONNECTIONS', 10, 1, 100);
const DIALECTS = benchDialects();
const GOAL_MS = 5;
const log = (msg) => console.log(`[warranty] ${msg}`);

const domain = await tsImport('../packages/domain/src/index.ts', import.meta.url);
const { computeWarranty, renderWarrantySummary, renderWarrantyCoverage, warrantyPresets } = domain;

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** In-process cases: every preset × (plain, busy) × (compute only, compute + render). */
function inProcess() {
  const out = [];
  const queryDate = '2026-11-22';
  const inputs = (policy, busy, i) => {
    const sale = `202${4 + (i % 2)}-0${1 + (i % 9)}-1${i % 10}`;
    const unit = { serialNo: `BENCH${i}`, saleDate: sale, installationDate: sale, acceptanceDate: sale };
    const readings = [{ date: '2025-12-01', value: 400 + (i % 50) }, { date: '2026-11-15', value: 900 + (i % 700) }];
    const base = { unit, policy, readings, queryDate };
    if (!busy) return { ...base, repairs: [], contracts: [] };
    const main = policy.mainParts?.[0]?.name;
    return {
      ...base,
      repairs: [
        { id: 'r1', faultCode: 'F01', isSerious: true, ...(main ? { mainPart: main } : {}), startDate: '2026-01-05', endDate: '2026-01-12' },
        { id: 'r2', faultCode: 'F01', isSerious: true, ...(main ? { mainPart: main } : {}), startDate: '2026-03-02', endDate: '2026-03-09' },
        { id: 'r3', faultCode: 'F07', startDate: '2026-06-10', endDate: '2026-06-11' },
        { id: 'r4', faultCode: 'F09', startDate: '2026-11-20' },
      ],
      contracts: [{ id: 'c1', kind: 'extended_warranty', name: '延保 2 年', startDate: '2025-06-01', endDate: '2027-05-31' }],
    };
  };
  for (const [key, policy] of Object.entries(warrantyPresets)) {
    for (const busy of [false, true]) {
      for (const render of [false, true]) {
        const times = new Float64Array(CALLS);
        let sink = 0;
        for (let i = 0; i < 2000; i++) sink += computeWarranty(inputs(policy, busy, i)).mainParts.length; // warm-up (JIT)
        for (let i = 0; i < CALLS; i++) {
          const input = inputs(policy, busy, i);
          const t0 = performance.now();
          const r = computeWarranty(input);
          if (render) {
            sink += renderWarrantySummary(r, 'zh-CN').length;
            for (const c of [r.returnWindow, r.replaceWindow, r.wholeUnit, ...r.mainParts, ...r.contracts, ...r.repeatedRepair]) sink += renderWarrantyCoverage(c, 'zh-CN').length;
          }
          times[i] = performance.now() - t0;
        }
        if (sink < 0) console.log(sink);
        times.sort();
        out.push({ preset: key, busy, render, p50: percentile(times, 50), p99: percentile(times, 99), max: times[times.length - 1] });
      }
    }
  }
  return out;
}

const httpRows = [];
const loads = [];
const info = {};

async function benchDialect(dialect) {
  const { app, password, load, samples, info: dbInfo } = await startLoadedServer({ dialect, customers: CUSTOMERS, units: UNITS, log });
  Object.assign(info, dbInfo);
  loads.push({ dialect, load });
  try {
    const session = await login(app.url, 'lixiuying', password);
    const headers = { cookie: session.cookie };
    const sets = {
      'units with meter readings': samples.units.filter((u) => u.hasReadings),
      'any unit': samples.units,
    };
    for (const [label, units] of Object.entries(sets)) {
      const paths = units.map((u) => `/api/v1/equipment/${u.id}/warranty`);
      const statuses = {};
      for (const p of paths) {
        const body = await getJson(app.url + p, headers);
        if (typeof body.result?.status !== 'string' || !Array.isArray(body.coverages)) throw new Error(`${p}: unexpected response shape`);
        statuses[body.result.status] = (statuses[body.result.status] ?? 0) + 1;
      }
      for (const connections of [CONNECTIONS, 1]) {
        log(`${dialect} · ${label} · ${connections} conn: ${WARMUP} s + ${SECONDS} s …`);
        const m = await measurePaths({ baseUrl: app.url, paths, headers, connections, seconds: SECONDS, warmupSeconds: WARMUP });
        log(`  ${fmt(m.rps, 0)} req/s, p50 ${fmt(m.p50, 2)} ms, p99 ${fmt(m.p99, 2)} ms, errors ${m.errors}`);
        httpRows.push({ dialect, label, connections, units: paths.length, statuses, m });
      }
    }
  } finally {
    const rss = app.peakRssMb();
    for (const r of httpRows) if (r.dialect === dialect) r.rss = rss;
    await app.stop();
  }
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build the server first (npx tsc -b apps/server)`);
  const startedAt = Date.now();
  log(`in-process computeWarranty(), ${CALLS.toLocaleString('en')} calls per case …`);
  const pure = inProcess();
  const pureRss = process.memoryUsage().rss / 1024 / 1024;
  const fatal = await runPerDialect(DIALECTS, benchDialect, log, runCleanups);

  let missed = 0;
  let errors = 0;
  const pureTable = {
    columns: [
      { key: 'preset', title: 'policy preset' }, { key: 'input', title: 'input' }, { key: 'what', title: 'what' },
      { key: 'p50', title: 'p50 µs', align: 'right' }, { key: 'p99', title: 'p99 µs', align: 'right' }, { key: 'max', title: 'max µs', align: 'right' },
      { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: pure.map((r) => {
      const ok = r.p99 < GOAL_MS;
      if (!ok) missed++;
      return {
        preset: r.preset, input: r.busy ? '4 repairs (2× same serious fault), 1 contract, 2 readings' : '2 readings', what: r.render ? 'compute + render zh-CN' : 'computeWarranty()',
        p50: fmt(r.p50 * 1000, 1), p99: fmt(r.p99 * 1000, 1), max: fmt(r.max * 1000, 0), goal: `p99 < ${GOAL_MS} ms`, pass: ok ? 'pass' : 'FAIL',
      };
    }),
  };
  const httpTable = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'label', title: 'units requested' }, { key: 'conn', title: 'conn', align: 'right' },
      { key: 'rps', title: 'req/s', align: 'right' }, { key: 'p50', title: 'p50 ms', align: 'right' }, { key: 'p99', title: 'p99 ms', align: 'right' },
      { key: 'statuses', title: 'statuses seen' }, { key: 'rss', title: 'server peak RSS MB', align: 'right' }, { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: httpRows.map((r) => {
      const ok = r.m.errors === 0 && r.m.p99 < GOAL_MS;
      if (r.m.errors > 0) errors++;
      else if (!ok) missed++;
      return {
        dialect: r.dialect, label: `${r.label} (${r.units})`, conn: String(r.connections), rps: fmt(r.m.rps, 0), p50: fmt(r.m.p50, 2), p99: fmt(r.m.p99, 2),
        statuses: Object.entries(r.statuses).map(([k, v]) => `${k} ${v}`).join(', '), rss: fmt(r.rss, 0), goal: `p99 < ${GOAL_MS} ms`,
        pass: r.m.errors > 0 ? `FAIL: ${r.m.errors} errors` : ok ? 'pass' : 'FAIL',
      };
    }),
  };
  const machine = machineInfo({
    ...(info.sqlite ? { sqlite: info.sqlite } : {}),
    ...(info.postgres ? { postgres: `${info.postgres} (temp cluster)` } : {}),
    loaded: loads.map((l) => `${l.dialect}: ${l.load.rows.customers.toLocaleString('en')} customers, ${l.load.rows.equipment_units.toLocaleString('en')} units, ${l.load.rows.equipment_readings.toLocaleString('en')} readings (+ demo data), loaded in ${(l.load.customerSeconds + l.load.unitSeconds).toFixed(0)} s`).join('; ') || 'nothing',
    load: `closed loop, ${CONNECTIONS} connections and 1 connection, ${WARMUP} s warm-up + ${SECONDS} s per case, 127.0.0.1, user lixiuying (hotline agent, HQ)`,
    'in-process peak RSS': `${fmt(pureRss, 0)} MB (this process after the in-process cases)`,
    'wall time': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  });
  const md = [
    '# Warranty benchmark — latest run', '', formatMachine(machine), '',
    '## In-process computeWarranty()', '', formatMarkdown(pureTable), '',
    '## GET /api/v1/equipment/:id/warranty', '', formatMarkdown(httpTable), '',
  ].join('\n');
  await finishBenchmark({ name: 'warranty', machine, markdown: md, tables: [formatTable(pureTable), formatTable(httpTable)], fatal, errors, missed });
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
