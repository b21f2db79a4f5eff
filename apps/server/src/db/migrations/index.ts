import type { Migration } from 'kysely';
import * as m20261122_0001 from './20261122_0001_platform.js';

// Append-only: never edit a migration once it has landed; add a new file and list it here.
export const migrations: Record<string, Migration> = {
  '20261122_0001_platform': m20261122_0001,
};
