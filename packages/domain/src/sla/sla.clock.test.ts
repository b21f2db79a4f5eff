import { describe, it, expect } from 'vitest';
import { addBusinessMinutes } from '../calendar/calendar.business-time.js';
import { CHINESE_DAYS_VERSION, chinaHolidayData } from '../calendar/calendar.data.js';
import { ALWAYS_OPEN, CHINA_OFFICE_HOURS, createCalendar } from '../calendar/calendar.engine.js';
import { CalendarError } from '../calendar/calendar.errors.js';
import { computeSlaClock } from './sla.clock.js';
import { SlaError } from './sla.errors.js';
import type { SlaClockInput } from './sla.schemas.js';

// Office hours 08:30–12:00 and 13:30–17:30, Asia/Shanghai; '+08:00' instants are local time.
const office = createCalendar(CHINA_OFFICE_HOURS);
const v2025 = `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 2025`;
const v2026 = `chinese-days@${CHINESE_DAYS_VERSION} / 国务院办公厅通知 2026`;

function clock(input: SlaClockInput, now: string, calendar = office) {
  return computeSlaClock(calendar, input, now);
}

describe('a running clock', () => {
  it('counts business minutes across lunch and projects due and warning instants', () => {
    const result = clock({ targetMinutes: 240, start: '2025-10-09T09:00:00+08:00' }, '2025-10-09T11:00:00+08:00');
    expect(result).toEqual({
      state: 'running',
      targetMinutes: 240,
      start: '2025-10-09T01:00:00.000Z',
      now: '2025-10-09T03:00:00.000Z',
      elapsedMinutes: 120,
      remainingMinutes: 120,
      overdueMinutes: 0,
      pausedMinutes: 0,
      consumedShare: 0.5,
      warnShare: 0.8,
      isWarning: false,
      // 09:00 + 240: 180 to noon, 60 after 13:30 → 14:30; 80% = 192 min → 13:42.
      dueAt: '2025-10-09T06:30:00.000Z',
      warnAt: '2025-10-09T05:42:00.000Z',
      stoppedAt: null,
      timeline: [
        { type: 'start', at: '2025-10-09T01:00:00.000Z', deltaBusinessMinutes: 0, counted: false, elapsedMinutes: 0 },
        { type: 'now', at: '2025-10-09T03:00:00.000Z', deltaBusinessMinutes: 120, counted: true, elapsedMinutes: 120 },
      ],
      calendar: { name: '标准工作时间', kind: 'business', timeZone: 'Asia/Shanghai' },
      calendarVersions: [v2025],
    });
  });

  it('starts outside working hours at the next opening', () => {
    const result = clock({ targetMinutes: 30, start: '2025-10-09T20:00:00+08:00' }, '2025-10-10T08:00:00+08:00');
    expect(result).toMatchObject({ state: 'running', elapsedMinutes: 0, dueAt: '2025-10-10T01:00:00.000Z' });
  });

  it('starts on a holiday and runs from the first working day after it', () => {
    const result = clock({ targetMinutes: 60, start: '2025-10-03T10:00:00+08:00' }, '2025-10-09T08:45:00+08:00');
    expect(result).toMatchObject({ state: 'running', elapsedMinutes: 15, remainingMinutes: 45, dueAt: '2025-10-09T01:30:00.000Z' });
  });

  it('warns from the configured share on', () => {
    const input = { targetMinutes: 100, start: '2025-10-09T08:30:00+08:00', warnShare: 0.5 };
    expect(clock(input, '2025-10-09T09:19:00+08:00')).toMatchObject({ isWarning: false, warnAt: '2025-10-09T01:20:00.000Z' });
    expect(clock(input, '2025-10-09T09:20:00+08:00')).toMatchObject({ isWarning: true, consumedShare: 0.5 });
  });

  it('names both notice versions when the deadline crosses into 2026', () => {
    const result = clock({ targetMinutes: 60, start: '2025-12-31T17:00:00+08:00' }, '2025-12-31T17:10:00+08:00');
    expect(result.dueAt).toBe('2026-01-04T01:00:00.000Z');
    expect(result.calendarVersions).toEqual([v2025, v2026]);
  });
});

describe('pauses', () => {
  it('pauses overnight while waiting for the customer', () => {
    const result = clock(
      {
        targetMinutes: 240,
        start: '2025-10-09T16:00:00+08:00',
        events: [
          { type: 'pause', at: '2025-10-09T17:00:00+08:00', reason: 'waiting_customer' },
          { type: 'resume', at: '2025-10-10T10:00:00+08:00' },
        ],
      },
      '2025-10-10T11:00:00+08:00',
    );
    // Paused business time: 17:00–17:30 + 08:30–10:00 = 120. Remaining 180 from 10:00 → 14:30.
    expect(result).toMatchObject({
      state: 'running',
      elapsedMinutes: 120,
      pausedMinutes: 120,
      remainingMinutes: 120,
      dueAt: '2025-10-10T06:30:00.000Z',
    });
    expect(result.timeline.map((e) => [e.type, e.deltaBusinessMinutes, e.counted, e.elapsedMinutes])).toEqual([
      ['start', 0, false, 0],
      ['pause', 60, true, 60],
      ['resume', 120, false, 60],
      ['now', 60, true, 120],
    ]);
    expect(result.timeline[1]?.reason).toBe('waiting_customer');
  });

  it('pauses outside working hours over the National Day holiday and resumes on the make-up Saturday', () => {
    const result = clock(
      {
        targetMinutes: 480,
        start: '2025-09-30T15:00:00+08:00',
        events: [
          { type: 'pause', at: '2025-09-30T20:00:00+08:00', reason: 'waiting_parts' },
          { type: 'resume', at: '2025-10-11T07:00:00+08:00' },
        ],
      },
      '2025-10-11T09:00:00+08:00',
    );
    // Before pausing: 15:00–17:30 = 150. Paused through 9 and 10 Oct: 900. From 08:30 Sat: 30.
    expect(result).toMatchObject({
      state: 'running',
      elapsedMinutes: 180,
      pausedMinutes: 900,
      remainingMinutes: 300,
      dueAt: '2025-10-11T07:30:00.000Z',
      warnAt: '2025-10-11T05:54:00.000Z',
    });
  });

  it('handles repeated pause and resume, and the timeline re-derives the deadline', () => {
    const input: SlaClockInput = {
      targetMinutes: 120,
      start: '2025-10-13T08:30:00+08:00',
      events: [
        { type: 'pause', at: '2025-10-13T09:00:00+08:00', reason: 'waiting_customer' },
        { type: 'resume', at: '2025-10-13T10:00:00+08:00' },
        { type: 'pause', at: '2025-10-13T10:30:00+08:00', reason: 'waiting_parts' },
        { type: 'resume', at: '2025-10-13T14:00:00+08:00' },
      ],
    };
    const early = clock(input, '2025-10-13T14:30:00+08:00');
    expect(early).toMatchObject({
      state: 'running',
      elapsedMinutes: 90,
      pausedMinutes: 180,
      remainingMinutes: 30,
      consumedShare: 0.75,
      isWarning: false,
      dueAt: '2025-10-13T07:00:00.000Z',
      warnAt: '2025-10-13T06:36:00.000Z',
    });
    expect(clock(input, '2025-10-13T14:40:00+08:00')).toMatchObject({ isWarning: true, elapsedMinutes: 100 });
    const lastResume = early.timeline.filter((e) => e.type === 'resume').at(-1);
    expect(lastResume).toMatchObject({ elapsedMinutes: 60, at: '2025-10-13T06:00:00.000Z' });
    expect(addBusinessMinutes(office, lastResume?.at ?? '', 120 - (lastResume?.elapsedMinutes ?? 0))).toBe(early.dueAt);
  });

  it('has no deadline while paused short of it, and does not breach at exactly zero left', () => {
    const paused = clock(
      {
        targetMinutes: 60,
        start: '2025-10-09T09:00:00+08:00',
        events: [{ type: 'pause', at: '2025-10-09T09:20:00+08:00', reason: 'waiting_customer' }],
      },
      '2025-10-13T09:00:00+08:00',
    );
    expect(paused).toMatchObject({ state: 'paused', elapsedMinutes: 20, dueAt: null, warnAt: null, isWarning: false });
    const atZero = clock(
      {
        targetMinutes: 60,
        start: '2025-10-09T11:00:00+08:00',
        events: [{ type: 'pause', at: '2025-10-09T12:00:00+08:00', reason: 'waiting_parts' }],
      },
      '2025-10-09T14:00:00+08:00',
    );
    expect(atZero).toMatchObject({ state: 'paused', remainingMinutes: 0, dueAt: '2025-10-09T04:00:00.000Z', isWarning: true });
  });
});

describe('invalid and out-of-order events', () => {
  const base = { targetMinutes: 60, start: '2025-10-09T09:00:00+08:00' };

  it('ignores a resume without pause and a second pause, marking them in the timeline', () => {
    const result = clock(
      {
        ...base,
        events: [
          { type: 'resume', at: '2025-10-09T09:10:00+08:00' },
          { type: 'pause', at: '2025-10-09T09:20:00+08:00', reason: 'waiting_customer' },
          { type: 'pause', at: '2025-10-09T09:30:00+08:00', reason: 'other' },
          { type: 'resume', at: '2025-10-09T09:40:00+08:00' },
        ],
      },
      '2025-10-09T09:50:00+08:00',
    );
    expect(result.elapsedMinutes).toBe(30);
    expect(result.timeline.map((e) => e.ignored ?? '-')).toEqual(['-', 'resume_without_pause', '-', 'pause_while_paused', '-', '-']);
  });

  it('throws SLA_EVENT_OUT_OF_SEQUENCE when asked to be strict', () => {
    const run = () =>
      clock({ ...base, onInvalidEvent: 'error', events: [{ type: 'resume', at: '2025-10-09T09:10:00+08:00' }] }, '2025-10-09T10:00:00+08:00');
    expect(run).toThrow(SlaError);
    expect(run).toThrow(/resume_without_pause/);
  });

  it('sorts events by instant, ignores those before start, and leaves future ones out', () => {
    const result = clock(
      {
        ...base,
        events: [
          { type: 'resume', at: '2025-10-09T10:00:00+08:00' },
          { type: 'pause', at: '2025-10-09T09:30:00+08:00', reason: 'waiting_customer' },
          { type: 'pause', at: '2025-10-09T08:00:00+08:00', reason: 'other' },
          { type: 'stop', at: '2025-10-09T11:00:00+08:00' },
        ],
      },
      '2025-10-09T10:15:00+08:00',
    );
    expect(result.timeline.map((e) => `${e.type}${e.ignored ? `(${e.ignored})` : ''}`)).toEqual([
      'pause(before_start)',
      'start',
      'pause',
      'resume',
      'now',
    ]);
    expect(result).toMatchObject({ state: 'running', elapsedMinutes: 45, stoppedAt: null });
  });
});

describe('stopping and breaching', () => {
  const respond = { targetMinutes: 30, start: '2025-10-09T09:00:00+08:00' };

  it('is met when stopped within the target, and stays frozen afterwards', () => {
    const input = { ...respond, events: [{ type: 'stop' as const, at: '2025-10-09T09:20:00+08:00' }] };
    const result = clock(input, '2025-10-20T12:00:00+08:00');
    expect(result).toMatchObject({
      state: 'met',
      elapsedMinutes: 20,
      remainingMinutes: 10,
      stoppedAt: '2025-10-09T01:20:00.000Z',
      dueAt: '2025-10-09T01:30:00.000Z',
      isWarning: false,
    });
    expect(result.timeline.map((e) => e.type)).toEqual(['start', 'stop']);
    // Events after the stop are ignored.
    const later = clock({ ...input, events: [...input.events, { type: 'resume', at: '2025-10-09T09:25:00+08:00' }] }, '2025-10-20T12:00:00+08:00');
    expect(later.timeline.at(-1)?.ignored).toBe('after_stop');
  });

  it('is met when stopped exactly at the due instant', () => {
    expect(clock({ ...respond, events: [{ type: 'stop', at: '2025-10-09T09:30:00+08:00' }] }, '2025-10-09T10:00:00+08:00').state).toBe('met');
  });

  it('is breached past the deadline, running or stopped late', () => {
    expect(clock(respond, '2025-10-09T09:45:00+08:00')).toMatchObject({
      state: 'breached',
      elapsedMinutes: 45,
      remainingMinutes: 0,
      overdueMinutes: 15,
      consumedShare: 1.5,
      dueAt: '2025-10-09T01:30:00.000Z',
      isWarning: false,
    });
    expect(clock({ ...respond, events: [{ type: 'stop', at: '2025-10-09T09:40:00+08:00' }] }, '2025-10-09T10:00:00+08:00')).toMatchObject({
      state: 'breached',
      stoppedAt: '2025-10-09T01:40:00.000Z',
    });
  });

  it('is breached during lunch after a deadline of 12:00', () => {
    const result = clock({ targetMinutes: 60, start: '2025-10-09T11:00:00+08:00' }, '2025-10-09T12:30:00+08:00');
    expect(result).toMatchObject({ state: 'breached', elapsedMinutes: 60, overdueMinutes: 0, dueAt: '2025-10-09T04:00:00.000Z' });
  });

  it('treats a zero target as due at the start', () => {
    const start = '2025-10-09T10:00:00+08:00';
    expect(clock({ targetMinutes: 0, start }, start)).toMatchObject({ state: 'running', dueAt: '2025-10-09T02:00:00.000Z', consumedShare: 1 });
    expect(clock({ targetMinutes: 0, start, events: [{ type: 'stop', at: start }] }, start).state).toBe('met');
    expect(clock({ targetMinutes: 0, start }, '2025-10-09T10:01:00+08:00').state).toBe('breached');
  });
});

describe('other calendars and failures', () => {
  it('runs round the clock on a 24×7 calendar, holidays included', () => {
    const always = createCalendar(ALWAYS_OPEN);
    const result = clock(
      {
        targetMinutes: 1440,
        start: '2025-10-01T10:00:00+08:00',
        events: [
          { type: 'pause', at: '2025-10-01T22:00:00+08:00', reason: 'waiting_customer' },
          { type: 'resume', at: '2025-10-02T06:00:00+08:00' },
        ],
      },
      '2025-10-02T08:00:00+08:00',
      always,
    );
    expect(result).toMatchObject({
      state: 'running',
      elapsedMinutes: 840,
      pausedMinutes: 480,
      dueAt: '2025-10-02T10:00:00.000Z',
      calendarVersions: [],
      calendar: { kind: '24x7', timeZone: 'Asia/Shanghai' },
    });
  });

  it('refuses to compute a deadline in a year without holiday data', () => {
    const only2025 = createCalendar(CHINA_OFFICE_HOURS, { notices: chinaHolidayData.notices.filter((n) => n.year === 2025) });
    const run = () => clock({ targetMinutes: 60, start: '2025-12-31T17:00:00+08:00' }, '2025-12-31T17:10:00+08:00', only2025);
    expect(run).toThrow(CalendarError);
    expect(run).toThrow(/2026/);
  });

  it('rejects a negative target or a bad now with SLA_INVALID_INPUT and paths', () => {
    try {
      clock({ targetMinutes: -5, start: '2025-10-09T09:00:00+08:00' }, 'yesterday');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SlaError);
      expect((error as SlaError).code).toBe('SLA_INVALID_INPUT');
      expect((error as SlaError).details?.issues).toEqual([
        { path: ['targetMinutes'], message: expect.any(String) },
        { path: ['now'], message: 'not an ISO instant with Z or offset' },
      ]);
    }
  });

  it('reads a now slightly before start (clock skew) as the start', () => {
    const result = clock({ targetMinutes: 30, start: '2025-10-09T09:00:00+08:00' }, '2025-10-09T08:59:59+08:00');
    expect(result).toMatchObject({ state: 'running', elapsedMinutes: 0, now: '2025-10-09T01:00:00.000Z' });
  });
});
