import { describe, expect, it } from 'vitest';
import { computeWarranty, resolveWarrantyStart } from './warranty.engine.js';
import type { WarrantyInput, WarrantyPolicy } from './warranty.schemas.js';

// A small machine policy: 7-day return, 15-day replacement, 12 months / 2,000 h for the unit,
// 24 months / 4,000 h for the hydraulic pump, starting on the sale date.
const policy: WarrantyPolicy = {
  name: '挖掘机测试政策',
  scope: { kind: 'model', code: 'EX-200' },
  startEvent: 'sale',
  usageUnit: 'hour',
  returnWindows: [{ days: 7, condition: 'quality_issue' }],
  replaceWindows: [{ days: 15, condition: 'quality_issue' }],
  wholeUnit: { months: 12, usageLimit: 2000 },
  mainParts: [{ name: '液压泵', months: 24, usageLimit: 4000 }],
  exclusions: { voidingKinds: ['misuse'], wearParts: ['斗齿'] },
};

function run(queryDate: string, extra: Partial<WarrantyInput> = {}) {
  return computeWarranty({ unit: { saleDate: '2024-03-01' }, policy, queryDate, ...extra });
}
const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('date boundaries (start 2024-03-01)', () => {
  it.each([
    ['2024-02-29', false, 'not_started'],
    ['2024-03-01', true, 'active'],
    ['2025-02-28', true, 'active'],
    ['2025-03-01', true, 'active'],
    ['2025-03-02', false, 'expired'],
  ])('whole unit on %s: applies=%s (%s)', (date, applies, state) => {
    const r = run(date);
    expect(r.wholeUnit.until).toBe('2025-03-01');
    expect(r.wholeUnit.applies).toBe(applies);
    expect(r.wholeUnit.state).toBe(state);
  });

  it.each([
    ['2024-03-08', true, '2024-03-16', true],
    ['2024-03-09', false, '2024-03-16', true],
  ])('return window on %s open=%s; replacement until %s', (date, isReturnOpen, replaceUntil, isReplaceOpen) => {
    const r = run(date);
    expect(r.returnWindow.until).toBe('2024-03-08');
    expect(r.returnWindow.applies).toBe(isReturnOpen);
    expect(r.replaceWindow.until).toBe(replaceUntil);
    expect(r.replaceWindow.applies).toBe(isReplaceOpen);
  });

  it('closes the replacement window after day 15', () => {
    expect(run('2024-03-16').replaceWindow.applies).toBe(true);
    expect(run('2024-03-17').replaceWindow.state).toBe('expired');
  });

  it('keeps the main part covered after the whole unit expires → partially', () => {
    const r = run('2025-03-02');
    expect(r.mainParts[0]).toMatchObject({ label: '液压泵', applies: true, until: '2026-03-01' });
    expect(r.status).toBe('partially');
    expect(r.reasons[0]).toEqual({
      code: 'summary_partially_covered',
      params: { covered: [{ kind: 'main_part', label: '液压泵' }] },
    });
  });

  it('is expired the day after the main part ends, naming the last covered day', () => {
    expect(run('2026-03-01').status).toBe('partially');
    const r = run('2026-03-02');
    expect(r.status).toBe('expired');
    expect(r.reasons[0]).toEqual({ code: 'summary_expired', params: { lastUntil: '2026-03-01' } });
  });

  it('reports not_started before the start date', () => {
    const r = run('2024-02-01');
    expect(r.status).toBe('not_started');
    expect(r.wholeUnit.reasons).toContainEqual({ code: 'not_started', params: { from: '2024-03-01' } });
  });
});

describe('leap years', () => {
  it('a 12-month warranty from 2024-02-29 ends on 2025-02-28', () => {
    const r = computeWarranty({ unit: { saleDate: '2024-02-29' }, policy, queryDate: '2025-02-28' });
    expect(r.wholeUnit).toMatchObject({ until: '2025-02-28', applies: true });
    const next = computeWarranty({ unit: { saleDate: '2024-02-29' }, policy, queryDate: '2025-03-01' });
    expect(next.wholeUnit.applies).toBe(false);
    expect(next.mainParts[0]?.until).toBe('2026-02-28');
  });

  it('a 48-month term from 2024-02-29 ends on 2028-02-29', () => {
    const long: WarrantyPolicy = { ...policy, wholeUnit: { months: 48 }, mainParts: [] };
    const r = computeWarranty({ unit: { saleDate: '2024-02-29' }, policy: long, queryDate: '2028-02-29' });
    expect(r.wholeUnit).toMatchObject({ until: '2028-02-29', applies: true });
  });
});

describe('start event', () => {
  const installPolicy: WarrantyPolicy = { ...policy, startEvent: 'installation' };

  it('uses the installation date when the policy says so', () => {
    const unit = { saleDate: '2024-03-01', installationDate: '2024-03-20' };
    const start = resolveWarrantyStart(unit, installPolicy);
    expect(start).toMatchObject({ date: '2024-03-20', event: 'installation', isFallback: false });
    expect(start.reasons).toEqual([{ code: 'start_event', params: { event: 'installation', date: '2024-03-20' } }]);
  });

  it('falls back to the sale date when the installation date is missing, and says so', () => {
    const r = computeWarranty({ unit: { saleDate: '2024-03-01' }, policy: installPolicy, queryDate: '2024-04-01' });
    expect(r.start).toEqual({ date: '2024-03-01', event: 'sale', requestedEvent: 'installation', isFallback: true });
    expect(r.wholeUnit.reasons[0]).toEqual({
      code: 'start_event_fallback',
      params: { requested: 'installation', used: 'sale', date: '2024-03-01' },
    });
    expect(codes(r.reasons)).toContain('start_event_fallback');
  });

  it('falls back from acceptance to installation before sale', () => {
    const unit = { saleDate: '2024-03-01', installationDate: '2024-03-10' };
    const start = resolveWarrantyStart(unit, { ...policy, startEvent: 'acceptance' });
    expect(start).toMatchObject({ date: '2024-03-10', event: 'installation', requestedEvent: 'acceptance', isFallback: true });
  });

  it('lets the unit override the policy start event', () => {
    const unit = { saleDate: '2024-03-01', acceptanceDate: '2024-04-15', startEvent: 'acceptance' as const };
    const r = computeWarranty({ unit, policy, queryDate: '2025-04-15' });
    expect(r.start.event).toBe('acceptance');
    expect(r.wholeUnit).toMatchObject({ until: '2025-04-15', applies: true });
  });
});

describe('usage limits (whichever comes first)', () => {
  const readings = [
    { date: '2024-07-01', value: 2100 },
    { date: '2024-05-01', value: 1500 },
    { date: '2024-06-10', value: 2000 },
  ];

  it('is reached on the date of the first reading at or over the limit', () => {
    const r = run('2024-06-10', { readings });
    expect(r.wholeUnit.state).toBe('usage_limit_reached');
    expect(r.wholeUnit.until).toBe('2024-06-09');
    expect(r.wholeUnit.usage).toEqual({
      limit: 2000, unit: 'hour', used: 2000, asOf: '2024-06-10', isReached: true, reachedOn: '2024-06-10',
    });
    expect(r.mainParts[0]?.applies).toBe(true);
    expect(r.status).toBe('partially');
  });

  it('still applies the day before that reading, and ignores later readings', () => {
    const r = run('2024-06-09', { readings });
    expect(r.wholeUnit.applies).toBe(true);
    expect(r.wholeUnit.usage).toMatchObject({ used: 1500, asOf: '2024-05-01', isReached: false, reachedOn: null });
  });

  it('does not interpolate between readings', () => {
    const r = run('2024-06-09', { readings: [{ date: '2024-05-01', value: 1999 }, { date: '2024-08-01', value: 3000 }] });
    expect(r.wholeUnit.applies).toBe(true);
  });

  it('measures from the meter reading at start', () => {
    const unit = { saleDate: '2024-03-01', initialUsage: 100 };
    expect(run('2024-06-10', { readings, unit }).wholeUnit.usage).toMatchObject({ used: 1900, isReached: false });
    expect(run('2024-07-01', { readings, unit }).wholeUnit.usage).toMatchObject({ used: 2000, reachedOn: '2024-07-01' });
  });

  it('says when no reading is known', () => {
    const r = run('2024-06-10');
    expect(r.wholeUnit.applies).toBe(true);
    expect(r.wholeUnit.reasons).toContainEqual({ code: 'usage_unknown', params: { limit: 2000, unit: 'hour' } });
  });
});

describe('extension by repair days', () => {
  const extending = (mode: 'all_days' | 'days_beyond', minDays: number): WarrantyPolicy => ({
    ...policy,
    repairExtension: { mode, minDays },
  });
  const repair = (startDate: string, endDate?: string) => ({ faultCode: 'HYD-01', startDate, endDate });

  it('adds all days in repair (both ends counted)', () => {
    const input = { policy: extending('all_days', 0), repairs: [repair('2024-05-01', '2024-05-10')] };
    const r = run('2025-03-11', input);
    expect(r.wholeUnit).toMatchObject({ until: '2025-03-11', applies: true, extensionDays: 10 });
    expect(r.wholeUnit.reasons).toContainEqual({
      code: 'extended_by_repairs',
      params: { days: 10, repairCount: 1, originalUntil: '2025-03-01' },
    });
    expect(run('2025-03-12', input).wholeUnit.applies).toBe(false);
    expect(r.mainParts[0]?.until).toBe('2026-03-11');
  });

  it('adds only the days beyond N in days_beyond mode', () => {
    const r = run('2025-03-01', { policy: extending('days_beyond', 15), repairs: [repair('2024-05-01', '2024-05-20')] });
    expect(r.wholeUnit).toMatchObject({ until: '2025-03-06', extensionDays: 5 });
    const short = run('2025-03-01', { policy: extending('days_beyond', 15), repairs: [repair('2024-05-01', '2024-05-15')] });
    expect(short.wholeUnit).toMatchObject({ until: '2025-03-01', extensionDays: 0 });
  });

  it('adds all days of repairs longer than N in all_days mode', () => {
    const r = run('2025-03-01', { policy: extending('all_days', 15), repairs: [repair('2024-05-01', '2024-05-20')] });
    expect(r.wholeUnit.extensionDays).toBe(20);
  });

  it('counts an open repair up to the query date', () => {
    const r = run('2025-03-05', { policy: extending('all_days', 0), repairs: [repair('2025-02-20')] });
    expect(r.wholeUnit).toMatchObject({ extensionDays: 14, until: '2025-03-15', applies: true });
  });

  it('lets a repair that starts inside an extension extend again', () => {
    const repairs = [repair('2025-02-20', '2025-02-28'), repair('2025-03-05', '2025-03-06')];
    const r = run('2025-03-10', { policy: extending('all_days', 0), repairs });
    expect(r.wholeUnit).toMatchObject({ extensionDays: 11, until: '2025-03-12' });
  });

  it('ignores paid repairs, future repairs, and policies without the rule', () => {
    const paid = { ...repair('2024-05-01', '2024-05-10'), isWarrantyRepair: false };
    expect(run('2024-06-01', { policy: extending('all_days', 0), repairs: [paid] }).wholeUnit.extensionDays).toBe(0);
    expect(run('2024-04-30', { policy: extending('all_days', 0), repairs: [repair('2024-05-01', '2024-05-10')] }).wholeUnit.extensionDays).toBe(0);
    expect(run('2024-06-01', { repairs: [repair('2024-05-01', '2024-05-10')] }).wholeUnit.extensionDays).toBe(0);
  });
});

describe('exclusions', () => {
  it('voids every coverage from the day misuse is found', () => {
    const exclusions = [{ kind: 'misuse' as const, foundOn: '2024-06-01' }];
    expect(run('2024-05-31', { exclusions }).status).toBe('in_warranty');
    const r = run('2024-06-01', { exclusions });
    expect(r.status).toBe('excluded');
    expect(r.wholeUnit).toMatchObject({ state: 'excluded', applies: false, until: '2024-05-31' });
    expect(r.mainParts[0]?.state).toBe('excluded');
    expect(r.reasons[0]).toEqual({ code: 'summary_excluded', params: { kind: 'misuse', since: '2024-06-01' } });
  });

  it('notes but does not apply kinds the policy does not treat as voiding', () => {
    const r = run('2024-06-01', { exclusions: [{ kind: 'unauthorised_repair', foundOn: '2024-05-01' }] });
    expect(r.status).toBe('in_warranty');
    expect(r.wholeUnit.reasons).toContainEqual({
      code: 'exclusion_not_voiding',
      params: { kind: 'unauthorised_repair', since: '2024-05-01' },
    });
  });

  it('voids only the named part when a part is given', () => {
    const r = run('2024-06-01', { exclusions: [{ kind: 'misuse', foundOn: '2024-05-01', part: '液压泵' }] });
    expect(r.mainParts[0]?.state).toBe('excluded');
    expect(r.wholeUnit.applies).toBe(true);
    expect(r.status).toBe('partially');
    expect(r.wholeUnit.reasons).toContainEqual({
      code: 'part_excluded',
      params: { part: '液压泵', kind: 'misuse', since: '2024-05-01' },
    });
  });

  it('leaves an already expired coverage expired', () => {
    const r = run('2025-06-01', { exclusions: [{ kind: 'misuse', foundOn: '2025-05-01' }] });
    expect(r.wholeUnit.state).toBe('expired');
    expect(r.mainParts[0]?.state).toBe('excluded');
  });

  it('lists the wear parts that are never covered', () => {
    expect(run('2024-06-01').wholeUnit.reasons).toContainEqual({ code: 'wear_parts_excluded', params: { parts: ['斗齿'] } });
  });
});
