import { describe, expect, it } from 'vitest';
import { computeWarranty } from './warranty.engine.js';
import {
  airConditionerPolicy,
  companyStandardPolicy,
  householdCarPolicy,
  refrigeratorPolicy,
  tractorPolicy,
  warrantyPresetKeys,
  washingMachinePolicy,
} from './warranty.presets.js';
import type { WarrantyInput, WarrantyPolicy, WarrantyUnit } from './warranty.schemas.js';

function run(policy: WarrantyPolicy, unit: WarrantyUnit, queryDate: string, extra: Partial<WarrantyInput> = {}) {
  return computeWarranty({ unit, policy, queryDate, ...extra });
}
const rule = (r: ReturnType<typeof run>, index: number) => {
  const c = r.repeatedRepair[index];
  if (!c) throw new Error(`no rule ${index}`);
  return c;
};

describe('household car (2021 rules)', () => {
  const car: WarrantyUnit = { saleDate: '2024-03-01', acceptanceDate: '2024-03-05' };

  it('starts on delivery, with 3 years / 60,000 km repair and 2 years / 50,000 km 三包', () => {
    const r = run(householdCarPolicy, car, '2027-03-05');
    expect(r.start).toMatchObject({ date: '2024-03-05', event: 'acceptance' });
    expect(r.wholeUnit).toMatchObject({ until: '2027-03-05', applies: true });
    expect(r.mainParts.map((p) => [p.label, p.until])).toEqual([
      ['发动机', '2027-03-05'], ['变速器', '2027-03-05'], ['动力蓄电池', '2027-03-05'], ['行驶驱动电机', '2027-03-05'],
    ]);
    expect(rule(r, 0).until).toBe('2026-03-05');
    expect(run(householdCarPolicy, car, '2027-03-06').status).toBe('expired');
  });

  it('starts on the invoice date when delivery is not recorded', () => {
    const r = run(householdCarPolicy, { saleDate: '2024-03-01' }, '2024-03-02');
    expect(r.start).toMatchObject({ date: '2024-03-01', isFallback: true });
  });

  it('ends the repair warranty at 60,000 km before 3 years', () => {
    const readings = [{ date: '2025-10-01', value: 60_000 }];
    const r = run(householdCarPolicy, car, '2025-10-01', { readings });
    expect(r.wholeUnit).toMatchObject({ state: 'usage_limit_reached', until: '2025-09-30' });
    expect(rule(r, 0).state).toBe('usage_limit_reached'); // 50,000 km passed too
    expect(r.status).toBe('expired');
  });

  it('keeps the 7-day and 60-day / 3,000 km return windows', () => {
    expect(run(householdCarPolicy, car, '2024-03-12').returnWindow.reasons[0]).toEqual({
      code: 'window', params: { days: 7, condition: 'main_part_replacement', until: '2024-03-12', isOpen: true },
    });
    expect(run(householdCarPolicy, car, '2024-05-04').returnWindow).toMatchObject({ applies: true, until: '2024-05-04' });
    expect(run(householdCarPolicy, car, '2024-05-05').returnWindow.applies).toBe(false);
    const readings = [{ date: '2024-04-01', value: 3_000 }];
    expect(run(householdCarPolicy, car, '2024-04-01', { readings }).returnWindow.applies).toBe(false);
    expect(run(householdCarPolicy, car, '2024-03-31', { readings }).replaceWindow.applies).toBe(true);
  });

  it('entitles replacement or return after more than 30 days in repair', () => {
    const repairs = [{ faultCode: 'ECU', startDate: '2024-06-01', endDate: '2024-07-01' }]; // 31 days
    const r = run(householdCarPolicy, car, '2024-07-02', { repairs });
    expect(rule(r, 2)).toMatchObject({ applies: true, remedy: 'replace_or_return' });
    expect(r.wholeUnit.extensionDays).toBe(0); // car rules do not extend the warranty
  });

  it('entitles replacement or return after the same serious fault was repaired twice', () => {
    const repairs = ['2024-05-01', '2024-06-01'].map((d) => ({ faultCode: 'BRAKE', isSerious: true, startDate: d, endDate: d }));
    expect(rule(run(householdCarPolicy, car, '2024-06-01', { repairs }), 0).applies).toBe(true);
  });

  it('entitles replacement or return when the engine was replaced twice', () => {
    const repairs = ['2024-05-01', '2024-08-01'].map((d) => ({
      faultCode: 'ENG', mainPart: '发动机', isMainPartReplacement: true, startDate: d, endDate: d,
    }));
    expect(rule(run(householdCarPolicy, car, '2024-08-01', { repairs }), 1).applies).toBe(true);
  });
});

describe('household appliances (部分商品 rules)', () => {
  const sold: WarrantyUnit = { saleDate: '2024-07-01' };

  it.each([
    { policy: airConditionerPolicy, parts: ['压缩机', '电动机'] },
    { policy: refrigeratorPolicy, parts: ['压缩机', '温控器'] },
    { policy: washingMachinePolicy, parts: ['电动机', '程序控制器'] },
  ])('$policy.name: 7-day return, 15-day replace, 1-year unit, 3-year main parts', ({ policy, parts }) => {
    expect(run(policy, sold, '2024-07-08').returnWindow.applies).toBe(true);
    expect(run(policy, sold, '2024-07-09').returnWindow.applies).toBe(false);
    expect(run(policy, sold, '2024-07-16').replaceWindow.applies).toBe(true);
    expect(run(policy, sold, '2024-07-17').replaceWindow.applies).toBe(false);
    expect(run(policy, sold, '2025-07-01').status).toBe('in_warranty');
    const later = run(policy, sold, '2025-07-02');
    expect(later.status).toBe('partially');
    expect(later.mainParts.map((p) => [p.label, p.until, p.applies])).toEqual(parts.map((p) => [p, '2027-07-01', true]));
  });

  it('deducts repair time from the 三包 period', () => {
    const repairs = [{ faultCode: 'E1', startDate: '2024-12-01', endDate: '2024-12-10' }];
    const r = run(airConditionerPolicy, sold, '2025-07-11', { repairs });
    expect(r.wholeUnit).toMatchObject({ until: '2025-07-11', applies: true, extensionDays: 10 });
  });

  it('entitles replacement or return after two repairs of the same fault', () => {
    const repairs = ['2024-09-01', '2024-10-01'].map((d) => ({ faultCode: 'NO_COOL', startDate: d, endDate: d }));
    expect(rule(run(refrigeratorPolicy, sold, '2024-10-01', { repairs }), 0)).toMatchObject({
      applies: true, remedy: 'replace_or_return',
    });
  });
});

describe('tractor (农机 2010 rules)', () => {
  const sold: WarrantyUnit = { saleDate: '2024-04-10' };

  it('covers the machine 1 year and main parts 2 years from the invoice', () => {
    expect(run(tractorPolicy, sold, '2025-04-10').wholeUnit.applies).toBe(true);
    const r = run(tractorPolicy, sold, '2025-04-11');
    expect(r.wholeUnit.applies).toBe(false);
    expect(r.mainParts.every((p) => p.applies && p.until === '2026-04-10')).toBe(true);
  });

  it('entitles a main-part replacement after two repairs of the same serious fault', () => {
    const repairs = ['2024-06-01', '2024-07-01'].map((d) => ({ faultCode: 'OIL_PRESS', isSerious: true, startDate: d, endDate: d }));
    expect(rule(run(tractorPolicy, sold, '2024-07-01', { repairs }), 0)).toMatchObject({ applies: true, remedy: 'replace_part' });
  });

  it('entitles replacing the machine when a replaced main part fails again', () => {
    const repairs = [{ faultCode: 'CRACK', mainPart: '汽缸盖', isMainPartReplacement: true, startDate: '2024-08-01', endDate: '2024-08-05' }];
    expect(rule(run(tractorPolicy, sold, '2024-08-05', { repairs }), 1)).toMatchObject({ applies: true, remedy: 'replace' });
  });

  it('entitles replacement when a repair runs past about 30 working days', () => {
    const repairs = [{ faultCode: 'GEAR', startDate: '2024-06-01' }];
    expect(rule(run(tractorPolicy, sold, '2024-07-12', { repairs }), 2).applies).toBe(false);
    expect(rule(run(tractorPolicy, sold, '2024-07-13', { repairs }), 2).applies).toBe(true);
  });
});

describe('company standard (2 years, lifelong paid on-site service)', () => {
  const unit: WarrantyUnit = { saleDate: '2024-01-10', installationDate: '2024-02-01', acceptanceDate: '2024-03-01' };

  it('runs 2 years from acceptance with 15-day return and 30-day replacement', () => {
    const r = run(companyStandardPolicy, unit, '2024-03-16');
    expect(r.start.event).toBe('acceptance');
    expect(r.returnWindow).toMatchObject({ applies: true, until: '2024-03-16' });
    expect(r.replaceWindow.until).toBe('2024-03-31');
    expect(run(companyStandardPolicy, unit, '2026-03-01').wholeUnit.applies).toBe(true);
  });

  it('offers lifelong paid on-site service after expiry', () => {
    const r = run(companyStandardPolicy, unit, '2026-03-02');
    expect(r.status).toBe('expired');
    expect(r.reasons).toContainEqual({ code: 'after_warranty_service', params: { mode: 'lifelong_paid_on_site' } });
  });

  it('falls back to installation when acceptance is missing', () => {
    const r = run(companyStandardPolicy, { saleDate: '2024-01-10', installationDate: '2024-02-01' }, '2024-03-01');
    expect(r.start).toMatchObject({ date: '2024-02-01', event: 'installation', isFallback: true });
  });
});

it('exposes every preset by key', () => {
  expect(warrantyPresetKeys).toEqual([
    'household_car', 'air_conditioner', 'refrigerator', 'washing_machine', 'tractor', 'company_standard',
  ]);
});
