import {
  chinaHolidayData, isCalendarError, loadYearNotice, yearNoticeSchema,
  type HolidayData, type HolidayYear, type HolidayYearList, type YearNotice, type YearNoticeInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import type { ServiceContext } from '../../context.js';
import { recordAudit } from '../audit/audit.service.js';
import { cacheOf, entry, fresh, invalidateCalendarCache } from './calendars.cache.js';
import { calendarErrors, fromCalendarError } from './calendars.errors.js';
import * as repo from './calendars.repository.js';
import type { HolidayNoticeRow } from './calendars.repository.js';

// China's yearly holiday notices (国务院办公厅关于YYYY年部分节假日安排的通知), shared by every
// calendar that applies statutory holidays. Each year keeps all its revisions; the highest is
// in force, older ones stay so a deadline computed under them can be re-derived.

const parseNotice = (row: HolidayNoticeRow): YearNotice => yearNoticeSchema.parse(JSON.parse(row.notice_json));

/** The revision in force per year, as the domain's holiday data. */
function toHolidayData(rows: readonly HolidayNoticeRow[]): HolidayData {
  const current = new Map<number, HolidayNoticeRow>();
  for (const row of rows) {
    const seen = current.get(row.year);
    if (!seen || row.revision > seen.revision) current.set(row.year, row);
  }
  return { notices: [...current.values()].sort((a, b) => a.year - b.year).map(parseNotice) };
}

/**
 * Stores the notices the installed chinese-days release knows: a year with no notice gets it as
 * revision 1; a year whose revision in force came from an older release gets the new one on top.
 * A year an admin loaded is left alone. Idempotent, and safe with several app servers.
 */
export async function syncBuiltInHolidayNotices(db: Db, now = new Date()): Promise<number> {
  const rows = await repo.listHolidayNotices(db);
  let added = 0;
  for (const notice of chinaHolidayData.notices) {
    const ofYear = rows.filter((row) => row.year === notice.year);
    const inForce = ofYear[ofYear.length - 1];
    if (ofYear.some((row) => row.version === notice.version)) continue;
    if (inForce && inForce.source !== 'builtin') continue;
    const inserted = await repo.insertHolidayNotice(db, {
      id: newId(), year: notice.year, revision: (inForce?.revision ?? 0) + 1, version: notice.version, source: 'builtin',
      notice_json: JSON.stringify(notice), loaded_at: now.toISOString(), loaded_by: null, loaded_by_name: null,
    });
    if (inserted) added++;
  }
  return added;
}

async function ensureSynced(db: Db): Promise<void> {
  const state = cacheOf(db);
  if (state.isSynced) return;
  if ((await syncBuiltInHolidayNotices(db)) > 0) invalidateCalendarCache(db);
  state.isSynced = true;
}

/** The holiday data in force (cached per process); with `asOf`, what was in force then. */
export async function getHolidayData(db: Db, opts: { asOf?: Date } = {}): Promise<HolidayData> {
  await ensureSynced(db);
  if (opts.asOf) return toHolidayData(await repo.listHolidayNoticesAsOf(db, opts.asOf.toISOString()));
  const state = cacheOf(db);
  const nowMs = Date.now();
  const cached = fresh(state.holidayData, nowMs);
  if (cached) return cached;
  const data = toHolidayData(await repo.listHolidayNotices(db));
  state.holidayData = entry(data, nowMs);
  return data;
}

function toHolidayYears(rows: readonly HolidayNoticeRow[]): HolidayYear[] {
  const latest = new Map<number, number>();
  for (const row of rows) latest.set(row.year, Math.max(latest.get(row.year) ?? 0, row.revision));
  return rows.map((row) => {
    const notice = parseNotice(row);
    return {
      year: row.year, version: row.version, revision: row.revision, isCurrent: latest.get(row.year) === row.revision,
      source: row.source, holidayCount: notice.holidays.length, makeupWorkdayCount: notice.makeupWorkdays.length,
      loadedAt: new Date(row.loaded_at).toISOString(), loadedByName: row.loaded_by_name,
    };
  });
}

export async function listHolidayYears(db: Db): Promise<HolidayYearList> {
  await ensureSynced(db);
  const items = toHolidayYears(await repo.listHolidayNotices(db));
  return { coveredYears: [...new Set(items.map((item) => item.year))], items };
}

/**
 * Loads a year's notice (e.g. next year's, published in autumn): a new revision of that year,
 * checked against the other years' notices so no date is a holiday in one and a workday in another.
 */
export async function loadHolidayNotice(db: Db, ctx: ServiceContext, input: YearNoticeInput): Promise<HolidayYear> {
  await ensureSynced(db);
  const result = await db.transaction().execute(async (trx) => {
    const rows = await repo.listHolidayNotices(trx);
    let notice: YearNotice;
    try {
      const data = loadYearNotice(toHolidayData(rows), input, { replace: true });
      notice = data.notices.find((candidate) => candidate.year === input.year) as YearNotice;
    } catch (error) {
      if (isCalendarError(error)) throw fromCalendarError(error);
      throw error;
    }
    const ofYear = rows.filter((row) => row.year === notice.year);
    if (ofYear.some((row) => row.version === notice.version)) {
      throw calendarErrors.CALENDAR_NOTICE_VERSION_EXISTS({ year: notice.year, version: notice.version }, { path: ['body', 'version'] });
    }
    const id = newId();
    const row: HolidayNoticeRow = {
      id, year: notice.year, revision: Math.max(0, ...ofYear.map((r) => r.revision)) + 1, version: notice.version,
      source: 'admin', notice_json: JSON.stringify(notice), loaded_at: ctx.now.toISOString(),
      loaded_by: ctx.actor.userId, loaded_by_name: ctx.actor.name,
    };
    // A concurrent load of the same year took this revision: the client retries.
    if (!(await repo.insertHolidayNotice(trx, row))) throw calendarErrors.CALENDAR_NOTICE_VERSION_EXISTS({ year: notice.year, version: notice.version });
    const after = toHolidayYears([...ofYear, row]).find((item) => item.revision === row.revision) as HolidayYear;
    await recordAudit(trx, ctx, { entityType: 'holiday_notice', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after: { ...after, notice } });
    return after;
  });
  invalidateCalendarCache(db);
  return result;
}
