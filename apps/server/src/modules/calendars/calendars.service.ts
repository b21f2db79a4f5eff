import {
  calendarCoveredYears, calendarDefinitionSchema, calendarVersionsForDates, computeDeadline, createCalendar, isCalendarError, listDays,
  type BusinessCalendar, type CalendarDays, type CalendarDaysQuery, type CreateCalendarInput, type DeadlineRequest,
  type DeadlineResponse, type ListCalendarsQuery, type Page, type ResolvedCalendarInfo, type StoredCalendar, type UpdateCalendarInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import { bool, newId } from '../../db/ids.js';
import type { ServiceContext } from '../../context.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { cacheOf, entry, fresh, invalidateCalendarCache, type CachedCalendar } from './calendars.cache.js';
import { calendarErrors, fromCalendarError } from './calendars.errors.js';
import { getHolidayData } from './calendars.holidays.service.js';
import * as repo from './calendars.repository.js';
import type { CalendarReader, CalendarRow } from './calendars.repository.js';

/** A stored calendar ready for the pure rules (deadlines, SLA clocks). */
export type LoadedCalendar = {
  id: string;
  code: string;
  name: string;
  /** Row version: changes whenever the windows, zone or holidays setting change. */
  version: number;
  calendar: BusinessCalendar;
};

export type ResolvedCalendar = LoadedCalendar & {
  source: 'own' | 'inherited' | 'default';
  /** The org whose own calendar applies (the org itself or an ancestor); null for the default. */
  fromOrgId: string | null;
};

const readerOf = (ctx: ServiceContext): CalendarReader => ({ scope: ctx.actor.scope, orgPath: ctx.actor.orgPath });

/** Runs a pure calendar rule, turning its CalendarError into the HTTP error with the same code. */
function rule<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (isCalendarError(error)) throw fromCalendarError(error);
    throw error;
  }
}

function build(row: CalendarRow, holidayData: Awaited<ReturnType<typeof getHolidayData>>): BusinessCalendar {
  return rule(() => createCalendar(calendarDefinitionSchema.parse(JSON.parse(row.definition_json)), holidayData));
}

function toStored(row: CalendarRow, calendar: BusinessCalendar): StoredCalendar {
  const covered = calendarCoveredYears(calendar);
  return {
    id: row.id, code: row.code, name: row.name, kind: row.kind, timeZone: row.time_zone, definition: calendar.definition,
    orgId: row.org_id, orgName: row.org_name, isDefault: Boolean(row.is_default), coveredYears: covered === 'all' ? null : covered,
    version: row.version, createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
  };
}

const toLoaded = ({ row, calendar }: CachedCalendar): LoadedCalendar => ({ id: row.id, code: row.code, name: row.name, version: row.version, calendar });

async function cachedCalendar(db: Db, row: CalendarRow): Promise<CachedCalendar> {
  const state = cacheOf(db);
  const nowMs = Date.now();
  const hit = fresh(state.calendars.get(row.id), nowMs);
  if (hit && hit.row.version === row.version) return hit;
  const value = { row, calendar: build(row, await getHolidayData(db)) };
  state.calendars.set(row.id, entry(value, nowMs));
  return value;
}

/**
 * A calendar by id with the holiday notices in force (cached per process). With `asOf`, the
 * notices in force at that instant, to re-derive a past deadline.
 */
export async function loadCalendar(db: Db, calendarId: string, opts: { asOf?: Date } = {}): Promise<LoadedCalendar> {
  if (!opts.asOf) {
    const hit = fresh(cacheOf(db).calendars.get(calendarId), Date.now());
    if (hit) return toLoaded(hit);
  }
  const row = await repo.findCalendar(db, calendarId);
  if (!row) throw calendarErrors.CALENDAR_NOT_FOUND();
  if (opts.asOf) return toLoaded({ row, calendar: build(row, await getHolidayData(db, opts)) });
  return toLoaded(await cachedCalendar(db, row));
}

/**
 * The calendar an org works by: its own, else the nearest ancestor's, else the default
 * (China office hours). Cached per process; calendar writes drop the cache.
 */
export async function resolveCalendarForOrg(db: Db, orgId: string): Promise<ResolvedCalendar> {
  const state = cacheOf(db);
  const hit = fresh(state.orgs.get(orgId), Date.now());
  if (hit) return { ...(await loadCalendar(db, hit.calendarId)), source: hit.source, fromOrgId: hit.fromOrgId };
  const org = await repo.findOrgPath(db, orgId);
  if (!org) throw calendarErrors.CALENDAR_ORG_NOT_FOUND();
  const own = await repo.findNearestOrgCalendar(db, repo.pathIds(org.path));
  const row = own ?? (await repo.findDefaultCalendar(db));
  if (!row) throw calendarErrors.CALENDAR_NO_DEFAULT();
  const resolution = {
    calendarId: row.id,
    source: own ? (own.org_id === orgId ? 'own' : 'inherited') : 'default',
    fromOrgId: own?.org_id ?? null,
  } as const;
  state.orgs.set(orgId, entry(resolution, Date.now()));
  return { ...toLoaded(await cachedCalendar(db, row)), source: resolution.source, fromOrgId: resolution.fromOrgId };
}

// ---- API reads ----

async function visibleRow(db: Db, ctx: ServiceContext, id: string): Promise<CalendarRow> {
  const row = await repo.findVisibleCalendar(db, readerOf(ctx), id);
  if (!row) throw calendarErrors.CALENDAR_NOT_FOUND();
  return row;
}

export async function getCalendar(db: Db, ctx: ServiceContext, id: string): Promise<StoredCalendar> {
  const row = await visibleRow(db, ctx, id);
  return toStored(row, (await cachedCalendar(db, row)).calendar);
}

export async function listCalendars(db: Db, ctx: ServiceContext, q: ListCalendarsQuery): Promise<Page<StoredCalendar>> {
  const { rows, total } = await repo.listCalendars(db, readerOf(ctx), q);
  const items: StoredCalendar[] = [];
  for (const row of rows) items.push(toStored(row, (await cachedCalendar(db, row)).calendar));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getOrgCalendar(db: Db, ctx: ServiceContext, orgId: string): Promise<ResolvedCalendarInfo> {
  if (!(await repo.findOrgInScope(db, ctx.actor.scope, orgId))) throw httpErrors.NOT_FOUND();
  const resolved = await resolveCalendarForOrg(db, orgId);
  const row = await repo.findCalendar(db, resolved.id);
  if (!row) throw calendarErrors.CALENDAR_NOT_FOUND();
  return { orgId, source: resolved.source, fromOrgId: resolved.fromOrgId, calendar: toStored(row, resolved.calendar) };
}

export async function getCalendarDays(db: Db, ctx: ServiceContext, id: string, q: CalendarDaysQuery): Promise<CalendarDays> {
  const { calendar } = await cachedCalendar(db, await visibleRow(db, ctx, id));
  const days = rule(() => listDays(calendar, q.from, q.to));
  return { calendarId: id, timeZone: calendar.definition.timeZone, calendarVersions: calendarVersionsForDates(calendar, q.from, q.to), days };
}

export async function calendarDeadline(db: Db, ctx: ServiceContext, id: string, request: DeadlineRequest): Promise<DeadlineResponse> {
  const { calendar } = await cachedCalendar(db, await visibleRow(db, ctx, id));
  return rule(() => computeDeadline(calendar, request));
}

// ---- Writes (admin) ----

async function checkOrg(db: Db, ctx: ServiceContext, orgId: string | null, selfId: string | null): Promise<string> {
  if (orgId === null) return ctx.actor.orgPath;
  const org = await repo.findOrgInScope(db, ctx.actor.scope, orgId);
  if (!org) throw calendarErrors.CALENDAR_ORG_NOT_FOUND({}, { path: ['body', 'orgId'] });
  const taken = await repo.findCalendarOfOrg(db, orgId);
  if (taken && taken.id !== selfId) throw calendarErrors.CALENDAR_ORG_TAKEN({ code: taken.code }, { path: ['body', 'orgId'] });
  return org.path;
}

function assertDefaultIsShared(isDefault: boolean, orgId: string | null): void {
  if (isDefault && orgId !== null) throw calendarErrors.CALENDAR_DEFAULT_WITH_ORG({}, { path: ['body', 'isDefault'] });
}

export async function createStoredCalendar(db: Db, ctx: ServiceContext, input: CreateCalendarInput): Promise<StoredCalendar> {
  // Read before the transaction: on SQLite the root handle waits for the transaction's connection.
  const holidayData = await getHolidayData(db);
  const result = await db.transaction().execute(async (trx) => {
    if (await repo.isCodeTaken(trx, input.code)) throw calendarErrors.CALENDAR_CODE_TAKEN({ code: input.code }, { path: ['body', 'code'] });
    const orgPath = await checkOrg(trx, ctx, input.orgId, null);
    assertDefaultIsShared(input.isDefault, input.orgId);
    const id = newId();
    const now = ctx.now.toISOString();
    if (input.isDefault) await repo.clearDefault(trx, id);
    await repo.insertCalendar(trx, {
      id, code: input.code, name: input.definition.name, kind: input.definition.kind, time_zone: input.definition.timeZone,
      definition_json: JSON.stringify(input.definition), org_id: input.orgId, is_default: bool(input.isDefault), version: 1,
      created_at: now, updated_at: now,
    });
    const row = await repo.findCalendar(trx, id);
    if (!row) throw calendarErrors.CALENDAR_NOT_FOUND();
    const after = toStored(row, build(row, holidayData));
    await recordAudit(trx, ctx, { entityType: 'calendar', entityId: id, orgPath, action: 'create', after });
    return after;
  });
  invalidateCalendarCache(db);
  return result;
}

export async function updateStoredCalendar(db: Db, ctx: ServiceContext, id: string, input: UpdateCalendarInput): Promise<StoredCalendar> {
  const holidayData = await getHolidayData(db);
  const result = await db.transaction().execute(async (trx) => {
    const beforeRow = await repo.findVisibleCalendar(trx, readerOf(ctx), id);
    if (!beforeRow) throw calendarErrors.CALENDAR_NOT_FOUND();
    const before = toStored(beforeRow, build(beforeRow, holidayData));
    const orgId = input.orgId === undefined ? before.orgId : input.orgId;
    const isDefault = input.isDefault ?? before.isDefault;
    const orgPath = await checkOrg(trx, ctx, orgId, id);
    assertDefaultIsShared(isDefault, orgId);
    const patch: Parameters<typeof repo.updateCalendar>[3] = { updated_at: ctx.now.toISOString(), org_id: orgId };
    if (input.definition) {
      Object.assign(patch, {
        name: input.definition.name, kind: input.definition.kind, time_zone: input.definition.timeZone, definition_json: JSON.stringify(input.definition),
      });
    }
    if (input.isDefault) {
      await repo.clearDefault(trx, id);
      patch.is_default = 1;
    }
    if (!(await repo.updateCalendar(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const row = await repo.findCalendar(trx, id);
    if (!row) throw calendarErrors.CALENDAR_NOT_FOUND();
    const after = toStored(row, build(row, holidayData));
    await recordAudit(trx, ctx, { entityType: 'calendar', entityId: id, orgPath, action: 'update', before, after });
    return after;
  });
  invalidateCalendarCache(db);
  return result;
}
