/**
 * Throw-away PostgreSQL cluster for the server test suite.
 *
 * `startTempPostgres()` runs initdb into a fresh temp directory, starts a
 * postmaster on 127.0.0.1 at a free port with durability switched off (tests
 * only), creates the database `sht_test` and hands back its URL plus a
 * `stop()` that shuts the server down and deletes every file it made.
 *
 * PostgreSQL refuses to run as root, so when this process is root the
 * binaries run as the `postgres` OS user (through runuser) in directories
 * that user owns under /tmp. The postmaster is our child process (started
 * directly, stopped with `pg_ctl stop -m fast`), so nothing outlives the run.
 *
 * Environment:
 *   TEST_DATABASE_URL  use that server instead of starting one (stop() is a no-op)
 *   SHT_SKIP_PG=1      do not start anything: resolve to null
 *   SHT_PG_BIN         directory holding initdb, pg_ctl and postgres (overrides the search)
 */
import { spawn } from 'node:child_process';
import { constants as fsConstants, existsSync, readFileSync, rmSync } from 'node:fs';
import { access, chmod, chown, mkdir, mkdtemp, open, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import pg from 'pg';

export interface TempPostgres {
  /** URL of the `sht_test` database (or TEST_DATABASE_URL). Also usable as the admin URL for createFreshDatabase. */
  url: string;
  /** true when the server came from TEST_DATABASE_URL and is not ours to stop. */
  external: boolean;
  /** Stops the server and removes its files. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartTempPostgresOptions {
  /** Database created in the new cluster; default `sht_test`. */
  database?: string;
  /** Progress messages (one line each); default: silent. */
  log?: (message: string) => void;
  /** Environment to read the overrides from; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for the server to accept connections, in ms; default 60 000. */
  startTimeoutMs?: number;
}

interface PgBinaries {
  dir: string;
  initdb: string;
  pgCtl: string;
  postgres: string;
}

interface RunAs {
  /** Command prefix that switches to the postgres user, e.g. ['/usr/sbin/runuser', '-u', 'postgres', '--']. */
  prefix: string[];
  uid: number;
  gid: number;
}

interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

let lastReason: string | null = null;

/** Why the last startTempPostgres() call resolved to null (null if it did not). */
export function tempPostgresUnavailableReason(): string | null {
  return lastReason;
}

const DB_NAME_RE = /^[a-z_][a-z0-9_]{0,62}$/;

function unavailable(reason: string): null {
  lastReason = reason;
  return null;
}

/**
 * Starts a temporary PostgreSQL server, or resolves to null when PostgreSQL
 * is not installed here or SHT_SKIP_PG=1 (see tempPostgresUnavailableReason()).
 * Rejects when PostgreSQL is installed but fails to start.
 */
export async function startTempPostgres(opts: StartTempPostgresOptions = {}): Promise<TempPostgres | null> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((): void => undefined);
  const database = opts.database ?? 'sht_test';
  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  lastReason = null;
  if (!DB_NAME_RE.test(database)) throw new Error(`invalid database name: ${database}`);

  const external = env['TEST_DATABASE_URL'];
  if (external !== undefined && external !== '') {
    await waitForConnection(external, timeoutMs);
    log(`using PostgreSQL at TEST_DATABASE_URL (${redact(external)})`);
    return { url: external, external: true, stop: async () => undefined };
  }
  if (env['SHT_SKIP_PG'] === '1') return unavailable('SHT_SKIP_PG=1 is set');

  const bins = await findPgBinaries(env);
  if (bins === null) {
    return unavailable(
      'PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in /usr/lib/postgresql/<version>/bin or on PATH ' +
        '(Debian: apt-get install postgresql)',
    );
  }

  let runAs: RunAs | null = null;
  if (process.getuid?.() === 0) {
    runAs = await postgresUser();
    if (runAs === null) {
      return unavailable('running as root and there is no `postgres` OS user to run PostgreSQL as');
    }
  }

  // Under /tmp (world-traversable) when switching user: TMPDIR may point somewhere postgres cannot reach.
  const base = await mkdtemp(join(runAs === null ? tmpdir() : '/tmp', 'sht-pg-'));
  const dataDir = join(base, 'data');
  const sockDir = join(base, 'sock');
  const logFile = join(base, 'postgres.log');
  let cleanedUp = false;
  const removeSync = (): void => {
    if (!cleanedUp) rmSync(base, { recursive: true, force: true });
    cleanedUp = true;
  };
  // Last resort if the test process exits without calling stop(): kill the postmaster, drop the files.
  const onExit = (): void => {
    killPostmasterSync(dataDir);
    removeSync();
  };
  process.once('exit', onExit);

  try {
    await mkdir(dataDir, { mode: 0o700 });
    await mkdir(sockDir, { mode: 0o700 });
    await chmod(base, 0o700);
    if (runAs !== null) {
      for (const p of [base, dataDir, sockDir]) await chown(p, runAs.uid, runAs.gid);
    }

    const childEnv = pgChildEnv(env, base);
    const locale = (await hasCUtf8Locale()) ? 'C.UTF-8' : 'C';
    log(`initdb (${bins.dir}, locale ${locale}) into ${dataDir}`);
    const init = await run(
      withUser(runAs, [bins.initdb, '-D', dataDir, '--auth=trust', '-U', 'postgres', '--encoding=UTF8', `--locale=${locale}`, '--no-sync']),
      { cwd: base, env: childEnv },
    );
    if (init.code !== 0) throw new Error(`initdb failed (${describeExit(init)}):\n${tail(init.output)}`);

    // The postmaster runs as our own child (not daemonised by `pg_ctl start`): we see it exit and reap
    // it, and a Ctrl-C in the terminal reaches it too. Settings are -c arguments: no shell involved.
    const settings = [
      'listen_addresses=127.0.0.1',
      `unix_socket_directories=${sockDir}`,
      'fsync=off',
      'synchronous_commit=off',
      'full_page_writes=off',
      'timezone=UTC',
    ].flatMap((kv) => ['-c', kv]);

    let postmaster: Postmaster | null = null;
    let port = 0;
    for (let attempt = 1; postmaster === null; attempt++) {
      port = await freePort();
      const logStart = (await readFile(logFile, 'utf8').catch(() => '')).length;
      log(`starting postgres on 127.0.0.1:${port}`);
      const candidate = await spawnPostmaster(withUser(runAs, [bins.postgres, '-D', dataDir, '-p', String(port), ...settings]), {
        cwd: base,
        env: childEnv,
        logFile,
        runAs,
      });
      const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
      try {
        await waitForConnection(adminUrl, timeoutMs, () => candidate.exited !== null);
      } catch (err) {
        if (candidate.exited === null) {
          killPostmasterSync(dataDir);
          if (!(await candidate.waitExit(10_000))) {
            candidate.kill('SIGKILL');
            await candidate.waitExit(5_000);
          }
        }
        const pgLog = (await readFile(logFile, 'utf8').catch(() => '')).slice(logStart);
        const portTaken = /could not bind|address already in use/i.test(pgLog);
        if (portTaken && attempt < 3) continue;
        const why = candidate.exited !== null ? `postgres exited (${describeExit(candidate.exited)})` : String(err);
        throw new Error(`PostgreSQL did not start: ${why}\n--- postgres log ---\n${tail(pgLog)}`);
      }
      postmaster = candidate;
    }

    const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await createFreshDatabase(adminUrl, database);
    const url = `postgres://postgres@127.0.0.1:${port}/${database}`;
    log(`PostgreSQL ready at ${url}`);

    const running = postmaster;
    let stopping: Promise<void> | null = null;
    const stop = (): Promise<void> => {
      stopping ??= (async () => {
        if (running.exited === null) {
          const res = await run(withUser(runAs, [bins.pgCtl, 'stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30']), {
            cwd: base,
            env: childEnv,
          });
          if (res.code !== 0) killPostmasterSync(dataDir);
          if (!(await running.waitExit(15_000))) {
            killPostmasterSync(dataDir, 'SIGKILL');
            running.kill('SIGKILL');
            await running.waitExit(5_000);
          }
        }
        process.removeListener('exit', onExit);
        cleanedUp = true;
        await rm(base, { recursive: true, force: true });
        log('PostgreSQL stopped');
      })();
      return stopping;
    };
    return { url, external: false, stop };
  } catch (err) {
    killPostmasterSync(dataDir);
    process.removeListener('exit', onExit);
    removeSync();
    throw err;
  }
}

/**
 * Drops (if present) and creates database `name` on the server at adminUrl
 * and returns the URL of the new database. Meant for one database per test file.
 */
export async function createFreshDatabase(adminUrl: string, name: string): Promise<string> {
  if (!DB_NAME_RE.test(name)) throw new Error(`invalid database name: ${name} (use [a-z_][a-z0-9_]*, at most 63 chars)`);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  });
  return databaseUrl(adminUrl, name);
}

/** Drops database `name` (terminating its sessions) on the server at adminUrl. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  if (!DB_NAME_RE.test(name)) throw new Error(`invalid database name: ${name}`);
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

/** The same server URL pointing at another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function waitForConnection(url: string, timeoutMs: number, gaveUp: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown = null;
  while (Date.now() < deadline && !gaveUp()) {
    try {
      await withClient(url, (c) => c.query('select 1'));
      return;
    } catch (err) {
      lastErr = err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const msg = lastErr instanceof Error ? lastErr.message : String(lastErr);
  throw new Error(`PostgreSQL at ${redact(url)} did not accept connections within ${timeoutMs} ms: ${msg}`);
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function binariesIn(dir: string): Promise<PgBinaries | null> {
  const [initdb, pgCtl, postgres] = ['initdb', 'pg_ctl', 'postgres'].map((b) => join(dir, b)) as [string, string, string];
  for (const p of [initdb, pgCtl, postgres]) if (!(await isExecutable(p))) return null;
  return { dir, initdb, pgCtl, postgres };
}

/** SHT_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else the first PATH entry with initdb, pg_ctl and postgres. */
export async function findPgBinaries(env: NodeJS.ProcessEnv = process.env): Promise<PgBinaries | null> {
  const override = env['SHT_PG_BIN'];
  if (override !== undefined && override !== '') return binariesIn(override);

  const versions = await readdir('/usr/lib/postgresql').catch((): string[] => []);
  const numeric = versions
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  for (const v of numeric) {
    const found = await binariesIn(join('/usr/lib/postgresql', v, 'bin'));
    if (found !== null) return found;
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const found = await binariesIn(dir);
    if (found !== null) return found;
  }
  return null;
}

async function postgresUser(): Promise<RunAs | null> {
  const uidRes = await run(['id', '-u', 'postgres'], {});
  const gidRes = await run(['id', '-g', 'postgres'], {});
  if (uidRes.code !== 0 || gidRes.code !== 0) return null;
  const uid = Number.parseInt(uidRes.output.trim(), 10);
  const gid = Number.parseInt(gidRes.output.trim(), 10);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) return null;
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p));
  // Without runuser, node itself switches uid/gid in the child (see spawnAs).
  return { prefix: runuser === undefined ? [] : [runuser, '-u', 'postgres', '--'], uid, gid };
}

function withUser(runAs: RunAs | null, argv: string[]): { argv: string[]; uid?: number; gid?: number } {
  if (runAs === null) return { argv };
  if (runAs.prefix.length > 0) return { argv: [...runAs.prefix, ...argv] };
  return { argv, uid: runAs.uid, gid: runAs.gid };
}

async function hasCUtf8Locale(): Promise<boolean> {
  const res = await run(['locale', '-a'], {}).catch((): RunResult => ({ code: 1, signal: null, output: '' }));
  return res.code === 0 && /^C\.utf-?8$/im.test(res.output);
}

/** Environment for the PostgreSQL tools: no PG* variables from the caller, a HOME the postgres user can use. */
function pgChildEnv(env: NodeJS.ProcessEnv, home: string): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(env)) {
    if (!k.startsWith('PG') && v !== undefined) out[k] = v;
  }
  out['HOME'] = home;
  out['LC_ALL'] = 'C';
  out['LANG'] = 'C';
  return out;
}

type Cmd = string[] | { argv: string[]; uid?: number; gid?: number };

function normalize(cmd: Cmd): { argv: string[]; uid?: number; gid?: number } {
  return Array.isArray(cmd) ? { argv: cmd } : cmd;
}

/** Runs a command to completion, collecting stdout+stderr. Rejects only if it cannot be spawned. */
function run(cmd: Cmd, o: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const { argv, uid, gid } = normalize(cmd);
  const [file, ...args] = argv;
  if (file === undefined) return Promise.reject(new Error('empty command'));
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: o.cwd,
      env: o.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(uid === undefined ? {} : { uid }),
      ...(gid === undefined ? {} : { gid }),
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

interface Postmaster {
  /** How it exited, or null while it runs. */
  exited: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Resolves true once it has exited (false on timeout). */
  waitExit(timeoutMs: number): Promise<boolean>;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the postmaster as a child process, its output appended to logFile. */
async function spawnPostmaster(
  cmd: Cmd,
  o: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; runAs: RunAs | null },
): Promise<Postmaster> {
  const { argv, uid, gid } = normalize(cmd);
  const [file, ...args] = argv;
  if (file === undefined) throw new Error('empty command');
  const fh = await open(o.logFile, 'a', 0o600);
  try {
    if (o.runAs !== null) await fh.chown(o.runAs.uid, o.runAs.gid);
    const child = spawn(file, args, {
      cwd: o.cwd,
      env: o.env,
      stdio: ['ignore', fh.fd, fh.fd],
      ...(uid === undefined ? {} : { uid }),
      ...(gid === undefined ? {} : { gid }),
    });
    const pm: Postmaster = {
      exited: null,
      waitExit: (timeoutMs) =>
        new Promise<boolean>((resolve) => {
          if (pm.exited !== null) return resolve(true);
          const timer = setTimeout(() => resolve(false), timeoutMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve(true);
          });
        }),
      kill: (signal) => {
        if (pm.exited === null) child.kill(signal);
      },
    };
    child.on('exit', (code, signal) => {
      pm.exited = { code, signal };
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    return pm;
  } finally {
    await fh.close();
  }
}

function readPostmasterPid(dataDir: string): number | null {
  try {
    const first = readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && pid > 1 ? pid : null;
  } catch {
    return null;
  }
}

/** Signals (default SIGQUIT: immediate shutdown) the postmaster recorded in dataDir, if any. Never throws. */
function killPostmasterSync(dataDir: string, signal: NodeJS.Signals = 'SIGQUIT'): void {
  const pid = readPostmasterPid(dataDir);
  try {
    if (pid !== null) process.kill(pid, signal);
  } catch {
    // no such process: nothing to stop
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => (port > 0 ? resolve(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

function describeExit(r: { code: number | null; signal: NodeJS.Signals | null }): string {
  return r.signal !== null ? `signal ${r.signal}` : `exit code ${String(r.code)}`;
}

function tail(text: string, lines = 30): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password !== '') u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}
