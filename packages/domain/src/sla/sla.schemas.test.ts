import { describe, it, expect } from 'vitest';
import { CHINA_OFFICE_HOURS, createCalendar } from '../calendar/calendar.engine.js';
import { computeSlaClock } from './sla.clock.js';
import { slaClockInputSchema, slaClockResultSchema, slaEventSchema } from './sla.schemas.js';

describe('slaEventSchema', () => {
  it('requires a reason on pause and an instant with offset on every event', () => {
    expect(slaEventSchema.safeParse({ type: 'pause', at: '2025-10-09T09:00:00+08:00', reason: 'waiting_parts' }).success).toBe(true);
    expect(slaEventSchema.safeParse({ type: 'pause', at: '2025-10-09T09:00:00+08:00' }).success).toBe(false);
    expect(slaEventSchema.safeParse({ type: 'resume', at: '2025-10-09T09:00:00' }).success).toBe(false);
    expect(slaEventSchema.safeParse({ type: 'restart', at: '2025-10-09T09:00:00Z' }).success).toBe(false);
  });
});

describe('slaClockInputSchema', () => {
  it('defaults to no events, an 80% warning and ignoring invalid events', () => {
    expect(slaClockInputSchema.parse({ targetMinutes: 30, start: '2025-10-09T09:00:00+08:00' })).toEqual({
      targetMinutes: 30,
      start: '2025-10-09T09:00:00+08:00',
      events: [],
      warnShare: 0.8,
      onInvalidEvent: 'ignore',
    });
  });

  it('rejects negative or fractional targets and a warning share outside (0, 1]', () => {
    const start = '2025-10-09T09:00:00+08:00';
    for (const input of [
      { targetMinutes: -1, start },
      { targetMinutes: 1.5, start },
      { targetMinutes: 30, start, warnShare: 0 },
      { targetMinutes: 30, start, warnShare: 1.2 },
    ]) {
      const result = slaClockInputSchema.safeParse(input);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([Object.keys(input).includes('warnShare') ? 'warnShare' : 'targetMinutes']);
    }
  });
});

describe('slaClockResultSchema', () => {
  it('describes what computeSlaClock returns', () => {
    const result = computeSlaClock(
      createCalendar(CHINA_OFFICE_HOURS),
      {
        targetMinutes: 240,
        start: '2025-10-09T16:00:00+08:00',
        events: [
          { type: 'pause', at: '2025-10-09T17:00:00+08:00', reason: 'waiting_customer' },
          { type: 'resume', at: '2025-10-10T10:00:00+08:00' },
          { type: 'resume', at: '2025-10-10T10:05:00+08:00' },
        ],
      },
      '2025-10-10T11:00:00+08:00',
    );
    expect(slaClockResultSchema.parse(result)).toEqual(result);
  });
});
