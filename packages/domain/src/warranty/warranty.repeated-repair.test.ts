import { describe, expect, it } from 'vitest';
import { computeWarranty } from './warranty.engine.js';
import type { WarrantyInput, WarrantyPolicy, WarrantyRepair, WarrantyRepeatedRepairRule } from './warranty.schemas.js';

const basePolicy: WarrantyPolicy = {
  name: '重复维修测试',
  scope: { kind: 'model', code: 'HP-9' },
  startEvent: 'sale',
  returnWindows: [],
  replaceWindows: [],
  wholeUnit: { months: 12 },
  mainParts: [
    { name: '发动机', months: 24 },
    { name: '液压泵', months: 24 },
  ],
  exclusions: { voidingKinds: ['misuse'], wearParts: [] },
};

function withRule(rule: WarrantyRepeatedRepairRule, withinMonths?: number): WarrantyPolicy {
  return { ...basePolicy, repeatedRepair: { rules: [rule], ...(withinMonths ? { withinMonths } : {}) } };
}

function run(policy: WarrantyPolicy, repairs: WarrantyRepair[], queryDate: string, extra: Partial<WarrantyInput> = {}) {
  const result = computeWarranty({ unit: { saleDate: '2024-03-01' }, policy, repairs, queryDate, ...extra });
  const first = result.repeatedRepair[0];
  if (!first) throw new Error('expected one repeated-repair coverage');
  return first;
}

const serious = (faultCode: string, startDate: string, endDate = startDate): WarrantyRepair => ({
  faultCode,
  isSerious: true,
  startDate,
  endDate,
});

describe('same serious fault repaired twice', () => {
  const policy = withRule({ kind: 'same_fault', minRepairs: 2, seriousOnly: true, needsFaultPersisting: true, remedy: 'replace_or_return' });

  it('entitles the remedy from the second repair', () => {
    const repairs = [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-07-01')];
    const c = run(policy, repairs, '2024-07-01');
    expect(c).toMatchObject({ applies: true, state: 'active', remedy: 'replace_or_return', label: 'BRAKE', until: '2025-03-01' });
    expect(c.reasons).toContainEqual({
      code: 'repeated_repair_met',
      params: {
        rule: 'same_fault', subject: 'BRAKE', count: 2, threshold: 2,
        triggeredOn: '2024-07-01', remedy: 'replace_or_return', needsFaultPersisting: true,
      },
    });
  });

  it('is not met the day before the second repair', () => {
    const c = run(policy, [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-07-01')], '2024-06-30');
    expect(c).toMatchObject({ applies: false, state: 'not_entitled' });
    expect(c.reasons).toContainEqual({
      code: 'repeated_repair_not_met',
      params: { rule: 'same_fault', subject: 'BRAKE', count: 1, threshold: 2 },
    });
  });

  it('does not count different faults, non-serious repairs or paid repairs', () => {
    const minor = { ...serious('BRAKE', '2024-06-01'), isSerious: false };
    const paid = { ...serious('BRAKE', '2024-06-15'), isWarrantyRepair: false };
    const c = run(policy, [serious('BRAKE', '2024-05-01'), serious('STEER', '2024-05-02'), minor, paid], '2024-07-01');
    expect(c.applies).toBe(false);
  });

  it('does not count repairs after the period, and expires with it', () => {
    const late = [serious('BRAKE', '2025-02-01'), serious('BRAKE', '2025-03-02')];
    expect(run(policy, late, '2025-03-05').state).toBe('expired');
    const early = [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-06-01')];
    const c = run(policy, early, '2025-03-02');
    expect(c).toMatchObject({ applies: false, state: 'expired' });
  });

  it('uses its own period when given (三包有效期)', () => {
    const short = withRule({ kind: 'same_fault', minRepairs: 2, seriousOnly: true, needsFaultPersisting: true, remedy: 'replace' }, 6);
    const repairs = [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-09-02')];
    expect(run(short, repairs, '2024-09-02').applies).toBe(false);
    expect(run(short, [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-09-01')], '2024-09-01').until).toBe('2024-09-01');
  });

  it('is voided by misuse', () => {
    const repairs = [serious('BRAKE', '2024-05-01'), serious('BRAKE', '2024-07-01')];
    const c = run(policy, repairs, '2024-08-01', { exclusions: [{ kind: 'misuse', foundOn: '2024-07-15' }] });
    expect(c.state).toBe('excluded');
  });
});

describe('same fault repaired more than 4 times (any severity)', () => {
  const policy = withRule({ kind: 'same_fault', minRepairs: 5, seriousOnly: false, needsFaultPersisting: false, remedy: 'replace_or_return' });
  const repairs = ['2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01', '2024-08-01'].map((d) => ({ faultCode: 'LEAK', startDate: d, endDate: d }));

  it('triggers on the fifth repair, not the fourth', () => {
    expect(run(policy, repairs, '2024-07-31').applies).toBe(false);
    expect(run(policy, repairs, '2024-08-01').applies).toBe(true);
  });
});

describe('main part replaced repeatedly', () => {
  const policy = withRule({ kind: 'main_part_replacements', minReplacements: 2, needsFaultPersisting: true, remedy: 'replace_or_return' });
  const swap = (mainPart: string, startDate: string): WarrantyRepair => ({
    faultCode: 'X',
    mainPart,
    isMainPartReplacement: true,
    startDate,
    endDate: startDate,
  });

  it('counts replacements of the same part', () => {
    const c = run(policy, [swap('发动机', '2024-04-01'), swap('发动机', '2024-06-01')], '2024-06-01');
    expect(c).toMatchObject({ applies: true, label: '发动机' });
  });

  it('does not mix parts or count repairs that replaced nothing', () => {
    const fix = { ...swap('发动机', '2024-05-01'), isMainPartReplacement: false };
    const c = run(policy, [swap('发动机', '2024-04-01'), swap('液压泵', '2024-06-01'), fix], '2024-07-01');
    expect(c.applies).toBe(false);
  });

  it('can be limited to some parts', () => {
    const only = withRule({ kind: 'main_part_replacements', minReplacements: 2, parts: ['液压泵'], needsFaultPersisting: false, remedy: 'replace' });
    expect(run(only, [swap('发动机', '2024-04-01'), swap('发动机', '2024-06-01')], '2024-07-01').applies).toBe(false);
  });
});

describe('days in repair', () => {
  const cumulative = withRule({ kind: 'cumulative_repair_days', moreThanDays: 30, remedy: 'replace_or_return' });
  const repairs: WarrantyRepair[] = [
    { faultCode: 'A', startDate: '2024-04-01', endDate: '2024-04-10' }, // 10 days
    { faultCode: 'B', startDate: '2024-05-01', endDate: '2024-05-15' }, // 15 days
    { faultCode: 'C', startDate: '2024-06-01', endDate: '2024-06-06' }, // 6 days → 31 in all
  ];

  it('triggers the day the total goes over 30', () => {
    expect(run(cumulative, repairs, '2024-06-05').applies).toBe(false);
    const c = run(cumulative, repairs, '2024-06-06');
    expect(c.applies).toBe(true);
    expect(c.reasons).toContainEqual(
      expect.objectContaining({ code: 'repeated_repair_met', params: expect.objectContaining({ count: 31, triggeredOn: '2024-06-06' }) }),
    );
  });

  it('is not met at exactly 30 days', () => {
    const thirty = [...repairs.slice(0, 2), { faultCode: 'C', startDate: '2024-06-01', endDate: '2024-06-05' }];
    const c = run(cumulative, thirty, '2024-12-01');
    expect(c.applies).toBe(false);
    expect(c.reasons).toContainEqual({
      code: 'repeated_repair_not_met',
      params: { rule: 'cumulative_repair_days', subject: null, count: 30, threshold: 30 },
    });
  });

  it('counts a single long repair still open on the query date', () => {
    const single = withRule({ kind: 'single_repair_days', moreThanDays: 42, remedy: 'replace' });
    const open: WarrantyRepair[] = [{ faultCode: 'GEARBOX', startDate: '2024-04-01' }];
    expect(run(single, open, '2024-05-12').applies).toBe(false);
    const c = run(single, open, '2024-05-13');
    expect(c).toMatchObject({ applies: true, remedy: 'replace', label: 'GEARBOX' });
  });
});
