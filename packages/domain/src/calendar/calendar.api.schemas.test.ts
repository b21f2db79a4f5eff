import { describe, expect, it } from 'vitest';
import { calendarDaysQuerySchema, calendarIssueMessagesZh, createCalendarInputSchema, updateCalendarInputSchema } from './calendar.api.schemas.js';
import { yearNoticeSchema } from './calendar.schemas.js';

function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String), message: issue.message }));
}

describe('calendarDaysQuerySchema', () => {
  it('accepts one day up to 366 days', () => {
    expect(calendarDaysQuerySchema.safeParse({ from: '2025-10-01', to: '2025-10-01' }).success).toBe(true);
    expect(calendarDaysQuerySchema.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
  });

  it('puts a reversed or too long range on `to`', () => {
    expect(issuesOf(calendarDaysQuerySchema.safeParse({ from: '2025-10-02', to: '2025-10-01' }))).toEqual([
      { path: ['to'], message: 'to must not be before from' },
    ]);
    expect(issuesOf(calendarDaysQuerySchema.safeParse({ from: '2025-01-01', to: '2026-01-02' }))).toEqual([
      { path: ['to'], message: 'at most 366 days' },
    ]);
  });

  it('reports malformed dates without a range issue', () => {
    const issues = issuesOf(calendarDaysQuerySchema.safeParse({ from: '2025-13-01', to: '2025-10-01' }));
    expect(issues.map((issue) => issue.path)).toEqual([['from']]);
  });
});

describe('createCalendarInputSchema', () => {
  it('defaults orgId to null and isDefault to false, and fills the definition defaults', () => {
    const parsed = createCalendarInputSchema.parse({
      code: 'SZ-SAT',
      definition: { kind: 'business', name: '周六半天', windows: [{ start: '08:00', end: '12:00' }] },
    });
    expect(parsed).toMatchObject({
      orgId: null,
      isDefault: false,
      definition: { timeZone: 'Asia/Shanghai', holidays: 'cn_statutory', workingWeekdays: [1, 2, 3, 4, 5] },
    });
  });

  it('refuses bad codes and points into the definition', () => {
    const result = createCalendarInputSchema.safeParse({
      code: '中文 code',
      definition: { kind: 'business', name: 'x', windows: [{ start: '12:00', end: '08:00' }] },
    });
    expect(issuesOf(result).map((issue) => issue.path.join('.'))).toEqual(['code', 'definition.windows.0.end']);
  });
});

describe('updateCalendarInputSchema', () => {
  it('needs a version and only accepts isDefault: true', () => {
    expect(updateCalendarInputSchema.safeParse({ isDefault: true }).success).toBe(false);
    expect(updateCalendarInputSchema.safeParse({ version: 1, isDefault: false }).success).toBe(false);
    expect(updateCalendarInputSchema.safeParse({ version: 1, isDefault: true, orgId: null }).success).toBe(true);
  });
});

describe('calendarIssueMessagesZh', () => {
  it('has Chinese text for every custom message the calendar schemas produce', () => {
    const results = [
      createCalendarInputSchema.safeParse({
        code: '坏',
        definition: {
          kind: 'business', name: 'x', timeZone: 'Mars/Base', workingWeekdays: [1, 1],
          windows: [{ start: '8:00', end: '12:00' }, { start: '12:00', end: '11:00' }, { start: '10:00', end: '12:30' }],
          weekdayWindows: { '7': [{ start: '09:00', end: '10:00' }] },
        },
      }),
      yearNoticeSchema.safeParse({
        year: 2027, version: 'v',
        holidays: [
          { name: 'a', from: '2027-02-01', to: '2027-01-01' }, { name: 'b', from: '2027-03-01', to: '2027-05-01' },
          { name: 'c', from: '2027-06-01', to: '2027-06-02' }, { name: 'd', from: '2027-06-02', to: '2027-06-03' },
          { name: 'e', from: '2028-01-01', to: '2028-01-01' },
        ],
        makeupWorkdays: [{ date: '2027-06-01' }, { date: '2027-06-07' }, { date: '2027-06-12' }, { date: '2027-06-12' }],
      }),
      calendarDaysQuerySchema.safeParse({ from: '2025-01-01', to: '2026-06-01' }),
    ];
    const custom = results.flatMap((r) => r.error?.issues ?? []).filter((issue) => issue.code === 'custom' || issue.code === 'invalid_format');
    const messages = new Set(custom.map((issue) => issue.message).filter((m) => !m.startsWith('Invalid')));
    expect(messages.size).toBeGreaterThanOrEqual(12);
    for (const message of messages) expect(calendarIssueMessagesZh[message], message).toBeDefined();
  });
});
