import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import type {} from './global-setup.js';
import { createFreshDatabase, databaseUrl, dropDatabase, startTempPostgres, tempPostgresUnavailableReason } from './pg-cluster.js';

const pgUrl = inject('pgUrl');

async function query<R extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe('temporary PostgreSQL cluster', () => {
  it('honours SHT_SKIP_PG=1 without starting anything', async () => {
    const server = await startTempPostgres({ env: { ...process.env, TEST_DATABASE_URL: '', SHT_SKIP_PG: '1' } });
    expect(server).toBeNull();
    expect(tempPostgresUnavailableReason()).toMatch(/SHT_SKIP_PG/);
  });

  it('rejects database names that are not plain identifiers', async () => {
    await expect(createFreshDatabase('postgres://postgres@127.0.0.1:1/postgres', 'x"; drop')).rejects.toThrow(
      /invalid database name/,
    );
    expect(databaseUrl('postgres://postgres@127.0.0.1:5999/sht_test', 'other')).toBe('postgres://postgres@127.0.0.1:5999/other');
  });

  it.skipIf(!pgUrl)('accepts connections on the provided URL', async () => {
    const url = pgUrl ?? '';
    const rows = await query<{ version: string; db: string; enc: string }>(
      url,
      'select version() as version, current_database() as db, pg_encoding_to_char(encoding) as enc from pg_database where datname = current_database()',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/);
    expect(rows[0]?.enc).toBe('UTF8');
    const [text] = await query<{ t: string }>(url, 'select $1::text as t', ['售后通 工单']);
    expect(text?.t).toBe('售后通 工单');
  });

  it.skipIf(!pgUrl)('creates and drops a fresh database per test file', async () => {
    const admin = pgUrl ?? '';
    const name = `sht_selftest_${process.pid}`;
    const url = await createFreshDatabase(admin, name);
    expect(new URL(url).pathname).toBe(`/${name}`);

    await query(url, 'create table t (id int primary key, v text not null)');
    await query(url, "insert into t values (1, 'a'), (2, 'b')");
    const [count] = await query<{ n: number }>(url, 'select count(*)::int as n from t');
    expect(count?.n).toBe(2);

    // Recreating gives an empty database again.
    const again = await createFreshDatabase(admin, name);
    const [tables] = await query<{ n: number }>(again, "select count(*)::int as n from pg_tables where schemaname = 'public'");
    expect(tables?.n).toBe(0);

    await dropDatabase(admin, name);
    const [exists] = await query<{ n: number }>(admin, 'select count(*)::int as n from pg_database where datname = $1', [name]);
    expect(exists?.n).toBe(0);
  });
});
