import { z } from 'zod';
import { isoInstantSchema } from '../common/common.schemas.js';
import { MAX_DEADLINE_MINUTES } from '../calendar/calendar.schemas.js';

// Why a clock is paused: the next step is the customer's or the parts warehouse's, not ours.
export const slaPauseReasonSchema = z.enum(['waiting_customer', 'waiting_parts', 'other']);
export type SlaPauseReason = z.output<typeof slaPauseReasonSchema>;

export const slaEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('pause'), at: isoInstantSchema, reason: slaPauseReasonSchema }),
  z.object({ type: z.literal('resume'), at: isoInstantSchema }),
  // The promise was kept (responded, arrived, fixed) at this instant; the clock stops for good.
  z.object({ type: z.literal('stop'), at: isoInstantSchema }),
]);
export type SlaEvent = z.output<typeof slaEventSchema>;

export const slaClockInputSchema = z.object({
  targetMinutes: z.number().int().min(0).max(MAX_DEADLINE_MINUTES),
  start: isoInstantSchema,
  events: z.array(slaEventSchema).max(1000).default([]),
  // Share of the target after which the clock warns (escalate before breach).
  warnShare: z.number().gt(0).max(1).default(0.8),
  // A resume while running, a pause while paused, an event before start or after stop:
  // 'ignore' keeps the clock going and marks the entry in the timeline; 'error' throws.
  onInvalidEvent: z.enum(['ignore', 'error']).default('ignore'),
});
export type SlaClockInput = z.input<typeof slaClockInputSchema>;
export type SlaClockOptions = z.output<typeof slaClockInputSchema>;

export const slaStateSchema = z.enum(['running', 'paused', 'met', 'breached']);
export type SlaState = z.output<typeof slaStateSchema>;

export const slaIgnoredReasonSchema = z.enum([
  'before_start',
  'pause_while_paused',
  'resume_without_pause',
  'after_stop',
]);
export type SlaIgnoredReason = z.output<typeof slaIgnoredReasonSchema>;

export const slaTimelineEntrySchema = z.object({
  type: z.enum(['start', 'pause', 'resume', 'stop', 'now']),
  at: isoInstantSchema,
  reason: slaPauseReasonSchema.optional(),
  // Business minutes from the previous entry to this one, and whether they counted (running).
  deltaBusinessMinutes: z.number(),
  counted: z.boolean(),
  // Counted business minutes from start to this entry.
  elapsedMinutes: z.number(),
  ignored: slaIgnoredReasonSchema.optional(),
});
export type SlaTimelineEntry = z.output<typeof slaTimelineEntrySchema>;

export const slaClockResultSchema = z.object({
  state: slaStateSchema,
  targetMinutes: z.number().int(),
  start: isoInstantSchema,
  now: isoInstantSchema,
  // Minutes are business minutes, fractional when instants are not on whole minutes.
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  overdueMinutes: z.number(),
  pausedMinutes: z.number(),
  consumedShare: z.number(),
  warnShare: z.number(),
  isWarning: z.boolean(),
  // null while paused before the deadline was reached: it depends on when work resumes.
  dueAt: isoInstantSchema.nullable(),
  warnAt: isoInstantSchema.nullable(),
  stoppedAt: isoInstantSchema.nullable(),
  timeline: z.array(slaTimelineEntrySchema),
  calendar: z.object({ name: z.string(), kind: z.enum(['business', '24x7']), timeZone: z.string() }),
  calendarVersions: z.array(z.string()),
});
export type SlaClockResult = z.output<typeof slaClockResultSchema>;
