import type { Migration } from 'kysely';
import * as m20261122_0001 from './20261122_0001_platform.js';
import * as m20261122_0002 from './20261122_0002_customers.js';
import * as m20261122_0003 from './20261122_0003_catalogue_equipment.js';
import * as m20261122_0004 from './20261122_0004_import_jobs.js';
import * as m20261123_0005 from './20261123_0005_search_indexes.js';
import * as m20261123_0006 from './20261123_0006_attachments.js';
import * as m20261123_0007 from './20261123_0007_calendars.js';
import * as m20261123_0008 from './20261123_0008_work_orders.js';
import * as m20261123_0009 from './20261123_0009_notifications.js';
import * as m20261123_0010 from './20261123_0010_portal.js';
import * as m20261124_0011 from './20261124_0011_callbacks.js';
import * as m20261124_0012 from './20261124_0012_surveys.js';
import * as m20261124_0013 from './20261124_0013_survey_analysis.js';
import * as m20261124_0014 from './20261124_0014_workorder_perf.js';

// Append-only: never edit a migration once it has landed; add a new file and list it here.
export const migrations: Record<string, Migration> = {
  '20261122_0001_platform': m20261122_0001,
  '20261122_0002_customers': m20261122_0002,
  '20261122_0003_catalogue_equipment': m20261122_0003,
  '20261122_0004_import_jobs': m20261122_0004,
  '20261123_0005_search_indexes': m20261123_0005,
  '20261123_0006_attachments': m20261123_0006,
  '20261123_0007_calendars': m20261123_0007,
  '20261123_0008_work_orders': m20261123_0008,
  '20261123_0009_notifications': m20261123_0009,
  '20261123_0010_portal': m20261123_0010,
  '20261124_0011_callbacks': m20261124_0011,
  '20261124_0012_surveys': m20261124_0012,
  '20261124_0013_survey_analysis': m20261124_0013,
  '20261124_0014_workorder_perf': m20261124_0014,
};
