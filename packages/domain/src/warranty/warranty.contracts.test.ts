import { describe, expect, it } from 'vitest';
import { computeWarranty } from './warranty.engine.js';
import type { WarrantyContract, WarrantyInput, WarrantyPolicy } from './warranty.schemas.js';

// Extended warranties and maintenance contracts (维保合同) on top of a 12-month policy.
const policy: WarrantyPolicy = {
  name: '空压机测试政策',
  scope: { kind: 'category', code: 'air_compressor' },
  startEvent: 'sale',
  usageUnit: 'hour',
  returnWindows: [],
  replaceWindows: [],
  wholeUnit: { months: 12 },
  mainParts: [{ name: '主机', months: 12 }],
  exclusions: { voidingKinds: ['misuse'], wearParts: [] },
  afterWarranty: 'paid',
};

const extended: WarrantyContract = {
  id: 'EW-1',
  kind: 'extended_warranty',
  name: '延保两年',
  startDate: '2025-03-02',
  endDate: '2027-03-01',
};

function run(queryDate: string, contracts: WarrantyContract[], extra: Partial<WarrantyInput> = {}) {
  return computeWarranty({ unit: { saleDate: '2024-03-01' }, policy, contracts, queryDate, ...extra });
}

describe('contracts', () => {
  it('keeps the whole unit in warranty after the policy ends', () => {
    const r = run('2025-06-01', [extended]);
    expect(r.wholeUnit.applies).toBe(false);
    expect(r.contracts[0]).toMatchObject({ key: 'contract:EW-1', label: '延保两年', applies: true, until: '2027-03-01' });
    expect(r.status).toBe('in_warranty');
    expect(r.until).toBe('2027-03-01');
  });

  it('covers the end date itself and expires the day after', () => {
    expect(run('2027-03-01', [extended]).contracts[0]?.applies).toBe(true);
    const r = run('2027-03-02', [extended]);
    expect(r.contracts[0]).toMatchObject({ state: 'expired', applies: false });
    expect(r.contracts[0]?.reasons).toContainEqual({ code: 'date_limit_passed', params: { until: '2027-03-01' } });
    expect(r.status).toBe('expired');
    expect(r.reasons).toEqual([
      { code: 'summary_expired', params: { lastUntil: '2027-03-01' } },
      { code: 'after_warranty_service', params: { mode: 'paid' } },
      { code: 'start_event', params: { event: 'sale', date: '2024-03-01' } },
    ]);
  });

  it('has not started before its start date', () => {
    const r = run('2025-03-01', [extended]);
    expect(r.contracts[0]?.state).toBe('not_started');
    expect(r.status).toBe('in_warranty'); // the policy itself still runs on its last day
    expect(r.until).toBe('2025-03-01');
  });

  it('reports the later end when the policy and a contract overlap', () => {
    const overlapping = { ...extended, startDate: '2024-09-01' };
    expect(run('2024-10-01', [overlapping]).until).toBe('2027-03-01');
  });

  it('covers only the listed parts → partially', () => {
    const partsOnly: WarrantyContract = { ...extended, id: 'M-1', kind: 'maintenance', name: '主机维保', coveredParts: ['主机'] };
    const r = run('2025-06-01', [partsOnly]);
    expect(r.contracts[0]?.applies).toBe(true);
    expect(r.contracts[0]?.reasons).toContainEqual({ code: 'contract_parts', params: { parts: ['主机'] } });
    expect(r.status).toBe('partially');
    expect(r.until).toBeNull();
  });

  it('ends at a total meter reading', () => {
    const limited = { ...extended, usageLimit: 8000 };
    const readings = [
      { date: '2025-05-01', value: 7000 },
      { date: '2025-08-01', value: 8000 },
    ];
    expect(run('2025-07-31', [limited], { readings }).contracts[0]?.applies).toBe(true);
    const r = run('2025-08-01', [limited], { readings });
    expect(r.contracts[0]).toMatchObject({ state: 'usage_limit_reached', until: '2025-07-31' });
    expect(r.status).toBe('expired');
  });

  it('is voided by misuse like the policy', () => {
    const r = run('2025-06-01', [extended], { exclusions: [{ kind: 'misuse', foundOn: '2025-05-01' }] });
    expect(r.contracts[0]).toMatchObject({ state: 'excluded', until: '2025-04-30' });
    expect(r.status).toBe('excluded');
  });

  it('gives each contract its own coverage', () => {
    const expiredContract = { ...extended, id: 'OLD', name: '旧维保', startDate: '2023-01-01', endDate: '2023-12-31' };
    const r = run('2025-06-01', [expiredContract, extended]);
    expect(r.contracts.map((c) => [c.key, c.state])).toEqual([
      ['contract:OLD', 'expired'],
      ['contract:EW-1', 'active'],
    ]);
  });
});
