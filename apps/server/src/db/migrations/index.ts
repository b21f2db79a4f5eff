import type { Migration } from 'kysely';
import * as m20261122_0001 from './20261122_0001_platform.js';
import * as m20261122_0002 from './20261122_0002_customers.js';
import * as m20261122_0003 from './20261122_0003_catalogue_equipment.js';
import * as m20261122_0004 from './20261122_0004_import_jobs.js';

// Append-only: never edit a migration once it has landed; add a new file and list it here.
export const migrations: Record<string, Migration> = {
  '20261122_0001_platform': m20261122_0001,
  '20261122_0002_customers': m20261122_0002,
  '20261122_0003_catalogue_equipment': m20261122_0003,
  '20261122_0004_import_jobs': m20261122_0004,
};
