import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type DbHandle = { db: Db; dialect: Dialect; destroy(): Promise<void> };

// timestamptz / timestamp come back as ISO-8601 UTC strings, the same shape SQLite stores.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());
// count(*) is bigint (int8): our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

export function openSqlite(file: string): DbHandle {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MB page cache (default 2 MB): scoped look-ups over a million units stay in memory.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', destroy: () => db.destroy() };
}

/**
 * Kysely prepares every statement on each execution; compiling SQL is a fifth of a small
 * request's CPU. Reuse prepared statements by SQL text (better-sqlite3 runs them synchronously,
 * so one statement is never used by two queries at once).
 */
function withStatementCache(sqlite: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

export function openPostgres(url: string, poolSize = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // A connection that dies while idle in the pool (database restart, failover, a terminated
  // backend) is dropped and replaced by the pool; without a listener its 'error' event would crash
  // the process. Queries in flight still get their own error.
  pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost while idle: ${err.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', destroy: () => db.destroy() };
}

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; pgPoolSize?: number }): DbHandle {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.pgPoolSize);
  return openSqlite(path.join(opts.dataDir, 'shouhoutong.sqlite'));
}
