import { PostgresAdapter, type Kysely } from 'kysely';

// Migrations import no app code; this file is part of the migrations folder.
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type for UTC instants: timestamptz on PostgreSQL, ISO text on SQLite. */
export function instantType(db: Kysely<unknown>): 'timestamptz' | 'text' {
  return isPostgres(db) ? 'timestamptz' : 'text';
}
