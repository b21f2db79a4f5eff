import { isoInstantSchema } from '../common/common.schemas.js';
import {
  addBusinessMs,
  businessMsBetween,
  calendarVersionsBetween,
} from '../calendar/calendar.business-time.js';
import type { BusinessCalendar } from '../calendar/calendar.engine.js';
import { formatInstant, MINUTE_MS, parseInstant } from '../calendar/calendar.zone.js';
import { SlaError } from './sla.errors.js';
import {
  slaClockInputSchema,
  type SlaClockInput,
  type SlaClockOptions,
  type SlaClockResult,
  type SlaEvent,
  type SlaIgnoredReason,
  type SlaState,
  type SlaTimelineEntry,
} from './sla.schemas.js';

// The SLA clock is a pure fold over its events: the same start, events and calendar always give
// the same deadline, so any past deadline can be re-derived from the stored timeline.

type Walk = {
  running: boolean;
  stoppedMs: number | null;
  stoppedWhileRunning: boolean;
  cursor: number;
  // The last instant the clock was running; a deadline before it was breached.
  runEnd: number;
  elapsed: number;
  paused: number;
  dueMs: number | null;
  warnMs: number | null;
};

type Thresholds = { target: number; warn: number };

function advance(calendar: BusinessCalendar, walk: Walk, limits: Thresholds, toMs: number): number {
  const delta = businessMsBetween(calendar, walk.cursor, toMs);
  if (walk.running) {
    // The earliest instant each threshold was reached inside this running stretch.
    if (walk.warnMs === null && walk.elapsed + delta >= limits.warn) {
      walk.warnMs = addBusinessMs(calendar, walk.cursor, limits.warn - walk.elapsed);
    }
    if (walk.dueMs === null && walk.elapsed + delta >= limits.target) {
      walk.dueMs = addBusinessMs(calendar, walk.cursor, limits.target - walk.elapsed);
    }
    walk.elapsed += delta;
    walk.runEnd = toMs;
  } else {
    walk.paused += delta;
  }
  walk.cursor = toMs;
  return delta;
}

function invalidReason(walk: Walk, event: SlaEvent): SlaIgnoredReason | null {
  if (walk.stoppedMs !== null) return 'after_stop';
  if (event.type === 'pause' && !walk.running) return 'pause_while_paused';
  if (event.type === 'resume' && walk.running) return 'resume_without_pause';
  return null;
}

function entry(
  walk: Walk,
  type: SlaTimelineEntry['type'],
  atMs: number,
  delta: number,
  counted: boolean,
  extra: Partial<Pick<SlaTimelineEntry, 'reason' | 'ignored'>> = {},
): SlaTimelineEntry {
  return {
    type,
    at: formatInstant(atMs),
    ...extra,
    deltaBusinessMinutes: delta / MINUTE_MS,
    counted,
    elapsedMinutes: walk.elapsed / MINUTE_MS,
  };
}

function stateOf(walk: Walk): SlaState {
  const breached = walk.dueMs !== null && walk.runEnd > walk.dueMs;
  if (breached) return 'breached';
  if (walk.stoppedMs !== null) return 'met';
  return walk.running ? 'running' : 'paused';
}

function parseInput(input: SlaClockInput, now: string): SlaClockOptions {
  const parsed = slaClockInputSchema.safeParse(input);
  const nowValid = isoInstantSchema.safeParse(now).success;
  if (!parsed.success || !nowValid) {
    const issues = parsed.error?.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })) ?? [];
    if (!nowValid) issues.push({ path: ['now'], message: 'not an ISO instant with Z or offset' });
    throw new SlaError('SLA_INVALID_INPUT', 'SLA clock input is invalid', { issues });
  }
  return parsed.data;
}

/**
 * The state of an SLA clock at `now`: elapsed business minutes (pauses excluded), remaining,
 * due and warning instants, and the timeline it was derived from. Events after `now` are not
 * applied yet; events at the same instant apply in the order given.
 *
 * Invalid events (resume without pause, pause while paused, anything after stop or before start)
 * are ignored and marked in the timeline, or throw SLA_EVENT_OUT_OF_SEQUENCE with
 * `onInvalidEvent: 'error'`. A calendar year without holiday data throws CALENDAR_YEAR_NOT_COVERED.
 */
export function computeSlaClock(calendar: BusinessCalendar, input: SlaClockInput, now: string): SlaClockResult {
  const options = parseInput(input, now);
  const startMs = parseInstant(options.start);
  // A 'now' slightly before start (clock skew between servers) reads as the start.
  const nowMs = Math.max(parseInstant(now), startMs);
  const limits: Thresholds = {
    target: options.targetMinutes * MINUTE_MS,
    warn: Math.round(options.targetMinutes * MINUTE_MS * options.warnShare),
  };
  const walk: Walk = {
    running: true,
    stoppedMs: null,
    stoppedWhileRunning: false,
    cursor: startMs,
    runEnd: startMs,
    elapsed: 0,
    paused: 0,
    dueMs: null,
    warnMs: null,
  };
  const timeline = foldEvents(calendar, walk, limits, options, nowMs);
  // Still running (or stopped while running): project the thresholds from where the clock is.
  const projectable = walk.stoppedMs === null ? walk.running : walk.stoppedWhileRunning;
  if (projectable) {
    walk.warnMs ??= addBusinessMs(calendar, walk.cursor, limits.warn - walk.elapsed);
    walk.dueMs ??= addBusinessMs(calendar, walk.cursor, limits.target - walk.elapsed);
  }
  return summarize(calendar, options, walk, timeline, startMs, nowMs);
}

function foldEvents(
  calendar: BusinessCalendar,
  walk: Walk,
  limits: Thresholds,
  options: SlaClockOptions,
  nowMs: number,
): SlaTimelineEntry[] {
  const startMs = walk.cursor;
  const events = options.events
    .map((event, order) => ({ event, order, atMs: parseInstant(event.at) }))
    .filter(({ atMs }) => atMs <= nowMs)
    .sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  const timeline: SlaTimelineEntry[] = [];
  const reject = (event: SlaEvent, ignored: SlaIgnoredReason, atMs: number) => {
    if (options.onInvalidEvent === 'error') {
      throw new SlaError('SLA_EVENT_OUT_OF_SEQUENCE', `${event.type} at ${event.at}: ${ignored}`, {
        event,
        reason: ignored,
      });
    }
    timeline.push(entry(walk, event.type, atMs, 0, false, { ...reasonOf(event), ignored }));
  };

  for (const { event, atMs } of events) {
    if (atMs < startMs) reject(event, 'before_start', atMs);
  }
  timeline.push(entry(walk, 'start', startMs, 0, false));
  for (const { event, atMs } of events) {
    if (atMs < startMs) continue;
    const ignored = invalidReason(walk, event);
    if (ignored) {
      reject(event, ignored, atMs);
      continue;
    }
    const counted = walk.running;
    const delta = advance(calendar, walk, limits, atMs);
    if (event.type === 'stop') {
      walk.stoppedWhileRunning = walk.running;
      walk.stoppedMs = atMs;
    } else {
      walk.running = event.type === 'resume';
    }
    timeline.push(entry(walk, event.type, atMs, delta, counted, reasonOf(event)));
  }
  if (walk.stoppedMs === null) {
    const counted = walk.running;
    timeline.push(entry(walk, 'now', nowMs, advance(calendar, walk, limits, nowMs), counted));
  }
  return timeline;
}

function reasonOf(event: SlaEvent): Pick<SlaTimelineEntry, 'reason'> {
  return event.type === 'pause' ? { reason: event.reason } : {};
}

function summarize(
  calendar: BusinessCalendar,
  options: SlaClockOptions,
  walk: Walk,
  timeline: SlaTimelineEntry[],
  startMs: number,
  nowMs: number,
): SlaClockResult {
  const target = options.targetMinutes * MINUTE_MS;
  const state = stateOf(walk);
  const settled = state === 'met' || state === 'breached';
  const horizon = Math.max(nowMs, walk.dueMs ?? nowMs, walk.warnMs ?? nowMs);
  const definition = calendar.definition;
  return {
    state,
    targetMinutes: options.targetMinutes,
    start: formatInstant(startMs),
    now: formatInstant(nowMs),
    elapsedMinutes: walk.elapsed / MINUTE_MS,
    remainingMinutes: Math.max(0, target - walk.elapsed) / MINUTE_MS,
    overdueMinutes: Math.max(0, walk.elapsed - target) / MINUTE_MS,
    pausedMinutes: walk.paused / MINUTE_MS,
    consumedShare: target > 0 ? walk.elapsed / target : 1,
    warnShare: options.warnShare,
    isWarning: !settled && walk.warnMs !== null && walk.warnMs <= walk.runEnd,
    dueAt: walk.dueMs === null ? null : formatInstant(walk.dueMs),
    warnAt: walk.warnMs === null ? null : formatInstant(walk.warnMs),
    stoppedAt: walk.stoppedMs === null ? null : formatInstant(walk.stoppedMs),
    timeline,
    calendar: { name: definition.name, kind: definition.kind, timeZone: definition.timeZone },
    calendarVersions: calendarVersionsBetween(calendar, startMs, horizon),
  };
}
