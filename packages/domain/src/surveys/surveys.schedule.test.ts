import { describe, expect, it } from 'vitest';
import { previousPeriodWindow, shanghaiMonth, surveyPeriodAt } from './surveys.schedule.js';

describe('survey periods in Asia/Shanghai', () => {
  it('counts the month in Shanghai, not UTC', () => {
    expect(shanghaiMonth(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(shanghaiMonth(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
  });

  it('once has no next run', () => {
    expect(surveyPeriodAt('once', new Date('2026-11-24T02:00:00Z'))).toEqual({ key: 'once', startsAt: '2026-11-24T02:00:00.000Z', nextRunAt: null });
  });

  it('monthly: this month, next run at the next local midnight of the 1st', () => {
    expect(surveyPeriodAt('monthly', new Date('2026-12-31T17:00:00Z'))).toEqual({
      key: '2027-01', startsAt: '2026-12-31T16:00:00.000Z', nextRunAt: '2027-01-31T16:00:00.000Z',
    });
  });

  it('half-yearly and yearly', () => {
    expect(surveyPeriodAt('half_yearly', new Date('2026-06-30T15:00:00Z'))).toEqual({
      key: '2026-H1', startsAt: '2025-12-31T16:00:00.000Z', nextRunAt: '2026-06-30T16:00:00.000Z',
    });
    expect(surveyPeriodAt('half_yearly', new Date('2026-06-30T16:00:00Z')).key).toBe('2026-H2');
    expect(surveyPeriodAt('yearly', new Date('2026-11-24T00:00:00Z'))).toEqual({
      key: '2026', startsAt: '2025-12-31T16:00:00.000Z', nextRunAt: '2026-12-31T16:00:00.000Z',
    });
  });

  it('a periodic run looks at the orders of the period before', () => {
    expect(previousPeriodWindow('monthly', new Date('2026-11-30T16:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(previousPeriodWindow('monthly', new Date('2027-03-01T00:00:00Z'))).toEqual({ from: '2027-02-01', to: '2027-02-28' });
    expect(previousPeriodWindow('half_yearly', new Date('2026-07-01T00:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(previousPeriodWindow('yearly', new Date('2027-01-01T00:00:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
