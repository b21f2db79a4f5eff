// Spreadsheet import of units (装机档案) through the real HTTP API: what a dealer waits for when it
// loads its whole delivery archive at once.
//
// For each dialect: migrate + seed a fresh database (SQLite file in a temp DATA_DIR, or a throw-away
// PostgreSQL cluster), start the built server, generate an .xlsx of BENCH_IMPORT_ROWS units (owners
// by the phones of demo customers of 华东, four demo models, dates as typed text) with exceljs'
// streaming writer, log in as the 华东 region manager and time
//   POST /api/v1/imports/equipment/preview   (multipart upload: parse, check every row, keep the job)
//   POST /api/v1/imports/:token/commit        ({ mode: 'all-or-nothing' }: one transaction)
// then check that every unit is there. Goal: preview + commit under 30 s for 100,000 rows.
//
// Env:
//   BENCH_IMPORT_ROWS (100000)   rows in the file (the import's limit is 100,000)
//   BENCH_DIALECTS (sqlite,postgres)
//   BENCH_STRICT=1               exit 1 when the goal is missed
import { existsSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { installCleanupHandlers, runCleanups } from './lib/cleanup.mjs';
import { login, getJson } from './lib/api.mjs';
import { cpuSnapshot, cpuUsage } from './lib/cpu.mjs';
import { startLoadedServer } from './lib/loaded-server.mjs';
import { serverEntry } from './lib/server.mjs';
import { fmt, formatMarkdown, formatTable } from './lib/table.mjs';
import { finishBenchmark, formatMachine, machineInfo } from './lib/report.mjs';
import { benchDialects, runPerDialect } from './lib/env.mjs';

const ROWS = (() => {
  const raw = process.env.BENCH_IMPORT_ROWS;
  const v = raw ? Number(raw) : 100_000;
  if (!Number.isInteger(v) || v < 100 || v > 100_000) throw new Error(`BENCH_IMPORT_ROWS must be an integer in [100, 100000], got ${raw}`);
  return v;
})();
const DIALECTS = benchDialects();
const GOAL_SECONDS = 30;
const USER = 'chenzhigang'; // 华东 region manager
// Demo customers of 华东 (owners by phone) and demo models.
const OWNER_PHONES = ['13813930061', '13851730041', '13962130011', '13905150051', '13705810071'];
const MODELS = ['ZY210', 'ZY360', '4LZ-6', 'JH-1204'];
const HEADERS = ['序列号', '型号编码', '客户电话', '销售日期', '安装日期', '状态', '服务网点编码', '备注'];

const log = (msg) => console.log(`[import] ${msg}`);
const seconds = (t0) => (performance.now() - t0) / 1000;
const results = [];
const info = {};

/** The file a user would upload: written with the streaming writer, as the export does. */
async function unitsWorkbook(n) {
  const out = new PassThrough();
  const chunks = [];
  out.on('data', (c) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('装机档案');
  sheet.addRow(HEADERS).commit();
  for (let i = 0; i < n; i += 1) {
    const day = `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    sheet.addRow([
      `IMPB-${String(i).padStart(7, '0')}`, MODELS[i % MODELS.length], OWNER_PHONES[i % OWNER_PHONES.length], day, i % 3 === 0 ? day : null,
      '在用', i % 2 === 0 ? 'O-NJJN' : null, i % 10 === 0 ? '批量导入测试' : null,
    ]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function send(url, init) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${init.method} ${url}: HTTP ${res.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

async function benchDialect(dialect) {
  const { app, password, info: dbInfo } = await startLoadedServer({ dialect, customers: 100, units: 0, log });
  Object.assign(info, dbInfo);
  try {
    log(`${dialect}: generating ${ROWS.toLocaleString('en')} rows …`);
    let t0 = performance.now();
    const file = await unitsWorkbook(ROWS);
    const generateS = seconds(t0);
    log(`  ${(file.length / 1024 / 1024).toFixed(1)} MB in ${generateS.toFixed(1)} s`);

    const session = await login(app.url, USER, password);
    const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
    const cpuA = cpuSnapshot(app.pid);
    log(`${dialect}: preview (upload + check) …`);
    t0 = performance.now();
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), '装机档案.xlsx');
    const preview = await send(`${app.url}/api/v1/imports/equipment/preview`, { method: 'POST', headers, body: form });
    const previewS = seconds(t0);
    if (preview.valid !== ROWS || preview.errorCount !== 0) throw new Error(`preview: ${preview.valid} valid, ${preview.errorCount} errors: ${JSON.stringify(preview.errors.slice(0, 3))}`);
    log(`  ${previewS.toFixed(1)} s`);

    log(`${dialect}: commit (all-or-nothing) …`);
    t0 = performance.now();
    const job = await send(`${app.url}/api/v1/imports/${preview.token}/commit`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ mode: 'all-or-nothing' }),
    });
    const commitS = seconds(t0);
    const cpu = cpuUsage(cpuA, cpuSnapshot(app.pid));
    log(`  ${commitS.toFixed(1)} s: ${job.created} created, ${job.updated} updated`);
    // The serial search caps its count, so look up the first and the last serial of the file.
    const listed = async (i) => (await getJson(`${app.url}/api/v1/equipment?q=IMPB-${String(i).padStart(7, '0')}&page=1&pageSize=1`, { cookie: session.cookie })).total;
    const ends = [await listed(0), await listed(ROWS - 1)];
    if (job.created !== ROWS || ends.some((n) => n !== 1)) throw new Error(`commit: ${job.created} created (expected ${ROWS}); first/last serial listed ${ends.join('/')} times`);
    results.push({ dialect, fileMb: file.length / 1024 / 1024, generateS, previewS, commitS, rss: app.peakRssMb(), cpu });
  } finally {
    await app.stop();
  }
}

async function main() {
  installCleanupHandlers();
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} is missing: build the server first (npx tsc -b apps/server)`);
  const startedAt = Date.now();
  const fatal = await runPerDialect(DIALECTS, benchDialect, log, runCleanups);

  let missed = 0;
  const table = {
    columns: [
      { key: 'dialect', title: 'dialect' }, { key: 'rows', title: 'rows', align: 'right' }, { key: 'file', title: 'file MB', align: 'right' },
      { key: 'preview', title: 'preview s', align: 'right' }, { key: 'commit', title: 'commit s', align: 'right' },
      { key: 'total', title: 'preview + commit s', align: 'right' }, { key: 'rate', title: 'rows/s', align: 'right' },
      { key: 'rss', title: 'server peak RSS MB', align: 'right' }, { key: 'cpu', title: 'server + db CPU s', align: 'right' },
      { key: 'others', title: 'other procs (cores)', align: 'right' },
      { key: 'goal', title: 'goal' }, { key: 'pass', title: 'pass/fail' },
    ],
    rows: results.map((r) => {
      const total = r.previewS + r.commitS;
      const ok = total < GOAL_SECONDS;
      if (!ok) missed++;
      return {
        dialect: r.dialect, rows: fmt(ROWS, 0), file: fmt(r.fileMb, 1), preview: fmt(r.previewS, 1), commit: fmt(r.commitS, 1), total: fmt(total, 1),
        rate: fmt(ROWS / total, 0), rss: fmt(r.rss, 0), cpu: r.cpu ? `${fmt(r.cpu.server * total, 1)} + ${fmt(r.cpu.helpers * total, 1)}` : 'n/a', others: r.cpu ? fmt(r.cpu.others, 2) : 'n/a', goal: `< ${GOAL_SECONDS} s`, pass: ok ? 'pass' : 'FAIL',
      };
    }),
  };
  const machine = machineInfo({
    ...(info.sqlite ? { sqlite: `${info.sqlite} (file database, WAL)` } : {}),
    ...(info.postgres ? { postgres: `${info.postgres} (temp cluster)` } : {}),
    file: `${ROWS.toLocaleString('en')} unit rows × ${HEADERS.length} columns, generated in ${results.map((r) => `${fmt(r.generateS, 1)} s`).join(' / ') || 'n/a'} (not timed)`,
    'wall time': `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
  });
  const md = [
    '# Import benchmark — latest run', '', formatMachine(machine), '', formatMarkdown(table), '',
    'preview: POST /api/v1/imports/equipment/preview (multipart upload, parse, check, store the job); commit: POST /api/v1/imports/:token/commit',
    '(all-or-nothing, one transaction). "server + db CPU s": CPU time of the server process and of the database processes (PostgreSQL backends;',
    'SQLite runs inside the server) during preview + commit. "other procs": cores used meanwhile by processes this benchmark did not start.',
    '',
  ].join('\n');
  await finishBenchmark({ name: 'import', machine, markdown: md, tables: [formatTable(table)], fatal, errors: 0, missed });
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.stack : err);
  await runCleanups();
  process.exit(1);
});
