import { describe, it, expect } from 'vitest';
import {
  calendarDefinitionSchema,
  deadlineRequestSchema,
  timeOfDaySchema,
  windowListSchema,
  yearNoticeSchema,
} from './calendar.schemas.js';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}

describe('timeOfDaySchema', () => {
  it('accepts HH:mm from 00:00 to 24:00 only', () => {
    for (const ok of ['00:00', '08:30', '23:59', '24:00']) expect(timeOfDaySchema.safeParse(ok).success).toBe(true);
    for (const bad of ['8:30', '24:01', '25:00', '12:60', '12:00:00', '']) {
      expect(timeOfDaySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe('windowListSchema', () => {
  it('accepts windows around a lunch break, in any order, touching allowed', () => {
    expect(
      windowListSchema.safeParse([
        { start: '13:30', end: '17:30' },
        { start: '08:30', end: '12:00' },
        { start: '12:00', end: '12:30' },
      ]).success,
    ).toBe(true);
  });

  it('puts start ≥ end on the end field and overlaps on the later window', () => {
    expect(issuesOf(windowListSchema.safeParse([{ start: '12:00', end: '08:30' }]))).toEqual([
      { path: ['0', 'end'], message: 'end must be after start' },
    ]);
    expect(issuesOf(windowListSchema.safeParse([{ start: '09:00', end: '09:00' }]))).toEqual([
      { path: ['0', 'end'], message: 'end must be after start' },
    ]);
    expect(
      issuesOf(
        windowListSchema.safeParse([
          { start: '13:00', end: '17:30' },
          { start: '08:30', end: '13:30' },
        ]),
      ),
    ).toEqual([{ path: ['0', 'start'], message: 'window overlaps another window' }]);
    expect(issuesOf(windowListSchema.safeParse([]))[0]?.path).toEqual([]);
  });
});

describe('calendarDefinitionSchema', () => {
  const base = { kind: 'business', name: '网点', windows: [{ start: '08:30', end: '17:30' }] } as const;

  it('fills defaults: Asia/Shanghai, Mon–Fri, statutory holidays', () => {
    expect(calendarDefinitionSchema.parse(base)).toEqual({
      ...base,
      timeZone: 'Asia/Shanghai',
      holidays: 'cn_statutory',
      workingWeekdays: [1, 2, 3, 4, 5],
      weekdayWindows: {},
    });
    expect(calendarDefinitionSchema.parse({ kind: '24x7', name: '热线' })).toEqual({
      kind: '24x7',
      name: '热线',
      timeZone: 'Asia/Shanghai',
    });
  });

  it('reports cross-field problems on the right path', () => {
    const result = calendarDefinitionSchema.safeParse({
      ...base,
      timeZone: 'Asia/Beijing',
      workingWeekdays: [1, 2, 2],
      weekdayWindows: { '6': [{ start: '08:30', end: '12:00' }], '1': [{ start: '10:00', end: '09:00' }] },
    });
    expect(issuesOf(result)).toEqual([
      { path: ['timeZone'], message: 'unknown IANA time zone' },
      { path: ['weekdayWindows', '1', '0', 'end'], message: 'end must be after start' },
      { path: ['workingWeekdays', '2'], message: 'duplicate weekday' },
      { path: ['weekdayWindows', '6'], message: 'weekday is not in workingWeekdays' },
    ]);
  });

  it('rejects unknown kinds, weekday 8 and windows in a bad format', () => {
    expect(calendarDefinitionSchema.safeParse({ kind: 'weekly', name: 'x' }).success).toBe(false);
    expect(issuesOf(calendarDefinitionSchema.safeParse({ ...base, workingWeekdays: [8] }))[0]?.path).toEqual([
      'workingWeekdays',
      '0',
    ]);
    expect(issuesOf(calendarDefinitionSchema.safeParse({ ...base, windows: [{ start: '8:30', end: '17:30' }] }))).toEqual([
      { path: ['windows', '0', 'start'], message: 'expected HH:mm (00:00–24:00)' },
    ]);
  });
});

describe('yearNoticeSchema', () => {
  it('accepts a December bridge day and defaults make-up days to none', () => {
    const parsed = yearNoticeSchema.parse({
      year: 2027,
      version: 'x',
      holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }],
    });
    expect(parsed.makeupWorkdays).toEqual([]);
  });

  it('rejects an empty notice, impossible dates and holidays longer than a month', () => {
    expect(issuesOf(yearNoticeSchema.safeParse({ year: 2027, version: 'x', holidays: [] }))[0]?.path).toEqual(['holidays']);
    expect(
      issuesOf(yearNoticeSchema.safeParse({ year: 2027, version: 'x', holidays: [{ name: 'a', from: '2027-02-30', to: '2027-03-01' }] }))[0]
        ?.path,
    ).toEqual(['holidays', '0', 'from']);
    expect(
      issuesOf(yearNoticeSchema.safeParse({ year: 2027, version: 'x', holidays: [{ name: 'a', from: '2027-01-01', to: '2027-03-01' }] })),
    ).toEqual([{ path: ['holidays', '0', 'to'], message: 'a holiday lasts at most 31 days' }]);
  });
});

describe('deadlineRequestSchema', () => {
  it('accepts an instant with offset and whole non-negative minutes', () => {
    expect(deadlineRequestSchema.parse({ start: '2025-10-09T08:30:00+08:00', minutes: 0 })).toEqual({
      start: '2025-10-09T08:30:00+08:00',
      minutes: 0,
    });
  });

  it('rejects negative or fractional minutes and local times', () => {
    expect(issuesOf(deadlineRequestSchema.safeParse({ start: '2025-10-09T08:30:00Z', minutes: -1 }))[0]?.path).toEqual([
      'minutes',
    ]);
    expect(deadlineRequestSchema.safeParse({ start: '2025-10-09T08:30:00Z', minutes: 1.5 }).success).toBe(false);
    expect(issuesOf(deadlineRequestSchema.safeParse({ start: '2025-10-09T08:30:00', minutes: 5 }))[0]?.path).toEqual([
      'start',
    ]);
  });
});
