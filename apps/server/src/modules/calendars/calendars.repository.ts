import type { ListCalendarsQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { CalendarsTable, HolidayNoticesTable } from '../../db/schema.js';
import { fetchPage } from '../../db/paging.js';
import { inScope } from '../../db/scope.js';

/**
 * Who reads calendars: shared calendars (no org) are visible to everyone, an org's own calendar
 * to its subtree's scope and to the org's descendants (they work by it when they inherit it).
 */
export type CalendarReader = { scope: Scope; orgPath: string };

/** Org ids on a materialised path, root first: "/a/b/c/" → [a, b, c]. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

function calendars(db: Db) {
  return db.selectFrom('calendars').leftJoin('orgs', 'orgs.id', 'calendars.org_id');
}

const columns = [
  'calendars.id', 'calendars.code', 'calendars.name', 'calendars.kind', 'calendars.time_zone', 'calendars.definition_json',
  'calendars.org_id', 'calendars.is_default', 'calendars.version', 'calendars.created_at', 'calendars.updated_at',
  'orgs.name as org_name', 'orgs.path as org_path',
] as const;

function visibleCalendars(db: Db, reader: CalendarReader) {
  const ancestors = pathIds(reader.orgPath);
  return calendars(db).where((eb) =>
    eb.or([
      eb('calendars.org_id', 'is', null),
      inScope(eb, 'orgs.path', reader.scope),
      ...(ancestors.length > 0 ? [eb('calendars.org_id', 'in', ancestors)] : []),
    ]),
  );
}

export function findCalendar(db: Db, id: string) {
  return calendars(db).select(columns).where('calendars.id', '=', id).executeTakeFirst();
}
export type CalendarRow = NonNullable<Awaited<ReturnType<typeof findCalendar>>>;

export function findVisibleCalendar(db: Db, reader: CalendarReader, id: string): Promise<CalendarRow | undefined> {
  return visibleCalendars(db, reader).select(columns).where('calendars.id', '=', id).executeTakeFirst();
}

export function findDefaultCalendar(db: Db): Promise<CalendarRow | undefined> {
  return calendars(db).select(columns).where('calendars.is_default', '=', 1).executeTakeFirst();
}

/** The calendar of the deepest org among `orgIds` that has one (an org's own, else the nearest ancestor's). */
export function findNearestOrgCalendar(db: Db, orgIds: readonly string[]): Promise<CalendarRow | undefined> {
  if (orgIds.length === 0) return Promise.resolve(undefined);
  return calendars(db).select(columns).where('calendars.org_id', 'in', orgIds).orderBy('orgs.depth', 'desc').limit(1).executeTakeFirst();
}

export function findCalendarOfOrg(db: Db, orgId: string) {
  return db.selectFrom('calendars').select(['id', 'code']).where('org_id', '=', orgId).executeTakeFirst();
}

export async function isCodeTaken(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('calendars').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

const sortColumns = { code: 'calendars.code', name: 'calendars.name', createdAt: 'calendars.created_at' } as const;

export async function listCalendars(db: Db, reader: CalendarReader, q: ListCalendarsQuery) {
  let base = visibleCalendars(db, reader);
  if (q.kind) base = base.where('calendars.kind', '=', q.kind);
  if (q.orgId) base = base.where('calendars.org_id', '=', q.orgId);
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, '')}%`;
    base = base.where((eb) => eb.or([eb('calendars.code', 'like', like), eb('calendars.name', 'like', like)]));
  }
  const page = base
    .select(columns)
    .orderBy(sortColumns[q.sort ?? 'code'], q.order)
    .orderBy('calendars.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export async function insertCalendar(db: Db, row: CalendarsTable): Promise<void> {
  await db.insertInto('calendars').values(row).execute();
}

/** Optimistic update: false when the version moved on. */
export async function updateCalendar(db: Db, id: string, version: number, patch: Partial<CalendarsTable>): Promise<boolean> {
  const res = await db.updateTable('calendars').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Takes the default flag off every calendar but `keepId` (before another becomes the default). */
export async function clearDefault(db: Db, keepId: string): Promise<void> {
  await db.updateTable('calendars').set({ is_default: 0 }).where('is_default', '=', 1).where('id', '!=', keepId).execute();
}

export function findOrgInScope(db: Db, scope: Scope, orgId: string) {
  return db.selectFrom('orgs').select(['id', 'path', 'name']).where('id', '=', orgId).where((eb) => inScope(eb, 'orgs.path', scope)).executeTakeFirst();
}

export function findOrgPath(db: Db, orgId: string) {
  return db.selectFrom('orgs').select(['id', 'path']).where('id', '=', orgId).executeTakeFirst();
}

// ---- Holiday notices ----

export type HolidayNoticeRow = HolidayNoticesTable;

/** Every stored revision, by year then revision. */
export function listHolidayNotices(db: Db): Promise<HolidayNoticeRow[]> {
  return db.selectFrom('holiday_notices').selectAll().orderBy('year').orderBy('revision').execute();
}

/** Revisions loaded at or before an instant: what was in force then. */
export function listHolidayNoticesAsOf(db: Db, asOf: string): Promise<HolidayNoticeRow[]> {
  return db.selectFrom('holiday_notices').selectAll().where('loaded_at', '<=', asOf).orderBy('year').orderBy('revision').execute();
}

/** Inserts a revision; false when another process stored the same year and revision first. */
export async function insertHolidayNotice(db: Db, row: HolidayNoticeRow): Promise<boolean> {
  const res = await db.insertInto('holiday_notices').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}
