import { inject } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.js';
import { openPostgres, openSqlite, type DbHandle, type Dialect } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../db/seed/demo.js';
import { buildApp } from '../app.js';
import { createFreshDatabase, dropDatabase } from './pg-cluster.js';

export const TEST_PASSWORD = 'Test12345';

/** The dialects this run can test: SQLite always, PostgreSQL when the global setup started one. */
export function testDialects(): Dialect[] {
  return inject('pgUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

export type Session = { cookie: string; csrf: string; userId: string };

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  config: Config;
  orgId(code: string): Promise<string>;
  userId(username: string): Promise<string>;
  login(username: string, password?: string): Promise<Session>;
  call(session: Session | null, method: InjectOptions['method'], url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
};

let dbCounter = 0;

/** A fresh, migrated database with the demo organisation and users, and an app on top. */
export async function createTestApp(dialect: Dialect, overrides: Partial<Config> = {}): Promise<TestApp> {
  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/sht-test-unused', WEB_DIST: '/nonexistent' }), ...overrides };
  let handle: DbHandle;
  let dropDb: (() => Promise<void>) | undefined;
  if (dialect === 'postgres') {
    const adminUrl = inject('pgUrl');
    if (!adminUrl) throw new Error('PostgreSQL is not available in this run');
    const name = `t_${process.pid}_${Date.now()}_${dbCounter++}`;
    handle = openPostgres(await createFreshDatabase(adminUrl, name), 5);
    dropDb = () => dropDatabase(adminUrl, name);
  } else {
    handle = openSqlite(':memory:');
  }
  await migrateToLatest(handle.db);
  await seedDemo(handle.db, TEST_PASSWORD);
  const app = await buildApp({ db: handle.db, config, logger: false });
  await app.ready();

  const call: TestApp['call'] = (session, method, url, body, headers = {}) => {
    const h: Record<string, string> = { ...headers };
    if (session) {
      h.cookie = session.cookie;
      if (method !== 'GET' && h['x-csrf-token'] === undefined) h['x-csrf-token'] = session.csrf;
    }
    const opts: InjectOptions = { method, url, headers: h };
    if (body !== undefined) opts.payload = body as InjectOptions['payload'];
    return app.inject(opts);
  };

  return {
    app,
    handle,
    config,
    async orgId(code) {
      return (await handle.db.selectFrom('orgs').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    },
    async userId(username) {
      return (await handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    },
    async login(username, password = TEST_PASSWORD) {
      const res = await call(null, 'POST', '/api/v1/auth/login', { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'sht_sid');
      if (!cookie) throw new Error('no session cookie');
      const me = res.json<{ csrfToken: string; id: string }>();
      return { cookie: `sht_sid=${cookie.value}`, csrf: me.csrfToken, userId: me.id };
    },
    call,
    async close() {
      await app.close();
      await handle.destroy();
      await dropDb?.();
    },
  };
}

/** Row counts of the tables a failed request must not touch. */
export async function tableCounts(t: TestApp) {
  const count = async (table: 'orgs' | 'users' | 'audit_log' | 'user_roles') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { orgs: await count('orgs'), users: await count('users'), audit: await count('audit_log'), roles: await count('user_roles') };
}
