import {
  ALWAYS_OPEN, CHINA_OFFICE_HOURS, computeSlaClock, createCalendar, deriveSlaTargets, isCalendarError,
  type BusinessCalendar, type SlaClockResult, type SlaPolicyRule, type SlaTarget, type SlaTargetKind,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { WorkOrderEventsTable, WorkOrderSlaTable, WorkOrdersTable } from '../../db/schema.js';
import * as repo from './workorders.repository.js';
import { loadCalendar, resolveCalendarForOrg } from '../calendars/calendars.service.js';
import { CALENDAR_CACHE_TTL_MS } from '../calendars/calendars.cache.js';

const ALL_HOURS_CODE = '24X7';

// SLA of work orders: the targets are re-derived from the stored events on every change (pure
// domain code), and the result is kept per target for reporting and for the warn/breach sweep.

const allHoursCalendar = createCalendar(ALWAYS_OPEN);
const officeCalendar = createCalendar(CHINA_OFFICE_HOURS);

/**
 * The calendar a new order's clocks will run on: the stored 7×24 calendar for round-the-clock
 * promises, else the responsible org's own, inherited or default calendar. Called with the root
 * handle, outside any transaction (the calendar cache is per handle; SQLite has one connection).
 */
export async function calendarForNewOrder(db: Db, orgId: string, allHours: boolean): Promise<{ id: string | null; name: string | null; calendar: BusinessCalendar }> {
  if (allHours) {
    const row = await db.selectFrom('calendars').select('id').where('code', '=', ALL_HOURS_CODE).executeTakeFirst();
    return row ? loadCalendar(db, row.id) : { id: null, name: null, calendar: allHoursCalendar };
  }
  return resolveCalendarForOrg(db, orgId);
}

/** The calendar an existing order runs on (root handle, outside transactions: see above). */
export async function calendarOfOrder(db: Db, order: Pick<WorkOrdersTable, 'calendar_id' | 'sla_all_hours'>): Promise<BusinessCalendar> {
  if (order.calendar_id) return (await loadCalendar(db, order.calendar_id)).calendar;
  return Boolean(order.sla_all_hours) ? allHoursCalendar : officeCalendar;
}

export type PolicyRow = Awaited<ReturnType<typeof repo.listSlaPolicies>>[number];

// The SLA promises, cached per process like the calendars: a policy write through this process
// drops the cache after commit; the TTL bounds how long another app server's change takes to show.
const policyCache = new WeakMap<Db, { rules: SlaPolicyRule[]; expiresAt: number }>();

/** Every SLA policy as a rule for selectSlaPolicy (root handle, outside transactions). */
export async function slaPolicyRules(db: Db): Promise<SlaPolicyRule[]> {
  const nowMs = Date.now();
  const hit = policyCache.get(db);
  if (hit && hit.expiresAt > nowMs) return hit.rules;
  const rules = (await repo.listSlaPolicies(db)).map(toRule);
  policyCache.set(db, { rules, expiresAt: nowMs + CALENDAR_CACHE_TTL_MS });
  return rules;
}

/** Call after a policy write commits. */
export function invalidateSlaPolicyCache(db: Db): void {
  policyCache.delete(db);
}
export const toRule = (p: PolicyRow): SlaPolicyRule => ({
  id: p.id,
  type: p.type,
  priority: p.priority,
  serviceLevel: p.service_level,
  responseMinutes: p.response_minutes,
  arrivalMinutes: p.arrival_minutes,
  resolutionMinutes: p.resolution_minutes,
  allHours: Boolean(p.all_hours),
  warnShare: Number(p.warn_share),
  active: Boolean(p.is_active),
});

export type SlaSnapshot = { targets: SlaTarget[]; clocks: (SlaClockResult & { kind: SlaTargetKind; cycle: number })[]; rows: WorkOrderSlaTable[]; due: Record<SlaTargetKind, string | null>; nextCheckAt: string | null };

type OrderForSla = Pick<WorkOrdersTable, 'id' | 'sla_all_hours' | 'sla_response_minutes' | 'sla_arrival_minutes' | 'sla_resolution_minutes' | 'sla_warn_share'>;

/**
 * Every target of the order at `now`, from its events and the promise copied onto it. A target
 * whose dates run past the holiday data loaded (next year's notice not yet published) is left
 * out rather than guessed; the order then shows no deadline for it.
 */
export function computeOrderSla(order: OrderForSla, calendar: BusinessCalendar, events: readonly Pick<WorkOrderEventsTable, 'action' | 'at'>[], now: string): SlaSnapshot {
  const promise = { responseMinutes: order.sla_response_minutes, arrivalMinutes: order.sla_arrival_minutes, resolutionMinutes: order.sla_resolution_minutes };
  const warnShare = Number(order.sla_warn_share);
  const inputs = deriveSlaTargets(promise, events.map((e) => ({ action: e.action, at: new Date(e.at).toISOString() })));
  const targets: SlaTarget[] = [];
  const clocks: SlaSnapshot['clocks'] = [];
  const rows: WorkOrderSlaTable[] = [];
  const due: Record<SlaTargetKind, string | null> = { response: null, arrival: null, resolution: null };
  let nextCheckAt: string | null = null;
  for (const input of inputs) {
    let clock;
    try {
      clock = computeSlaClock(calendar, { ...input, warnShare }, now);
    } catch (error) {
      // Beyond the holiday data loaded (e.g. next year's notice not yet published): no guess.
      if (isCalendarError(error)) continue;
      throw error;
    }
    clocks.push({ ...clock, kind: input.kind, cycle: input.cycle });
    targets.push({
      kind: input.kind, cycle: input.cycle, targetMinutes: input.targetMinutes, state: clock.state, dueAt: clock.dueAt, warnAt: clock.warnAt,
      stoppedAt: clock.stoppedAt, elapsedMinutes: clock.elapsedMinutes, remainingMinutes: clock.remainingMinutes, overdueMinutes: clock.overdueMinutes,
      pausedMinutes: clock.pausedMinutes, isWarning: clock.isWarning, calendarVersions: clock.calendarVersions,
    });
    rows.push({
      work_order_id: order.id, kind: input.kind, cycle: input.cycle, target_minutes: input.targetMinutes, start_at: input.start, state: clock.state,
      due_at: clock.dueAt, warn_at: clock.warnAt, stopped_at: clock.stoppedAt,
      warned_at: clock.warnAt !== null && clock.warnAt <= (clock.stoppedAt ?? now) ? clock.warnAt : null,
      breached_at: clock.state === 'breached' ? clock.dueAt : null,
      warn_notified_at: null, breach_notified_at: null,
      calendar_versions: JSON.stringify(clock.calendarVersions),
    });
    due[input.kind] = clock.dueAt;
    // The sweep looks again at the next threshold of a running clock.
    if (clock.state === 'running') {
      for (const at of [clock.warnAt, clock.dueAt]) if (at && at > now && (nextCheckAt === null || at < nextCheckAt)) nextCheckAt = at;
    }
  }
  return { targets, clocks, rows, due, nextCheckAt };
}

/** Recomputes and stores the SLA rows of an order inside the caller's transaction. */
export async function refreshOrderSla(db: Db, order: OrderForSla, calendar: BusinessCalendar, now: string): Promise<SlaSnapshot> {
  const events = await repo.listEvents(db, order.id);
  const snapshot = computeOrderSla(order, calendar, events, now);
  await repo.replaceSlaRows(db, order.id, snapshot.rows);
  return snapshot;
}
