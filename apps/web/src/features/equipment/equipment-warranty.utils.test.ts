import { describe, expect, it } from 'vitest';
import { computeWarranty, tractorPolicy } from '@sht/domain';
import { isCovered, warrantyRows, warrantyStatusColor, warrantySummary } from './equipment-warranty.utils';

// A tractor sold on 2025-03-10 under the 2010 farm-machinery 三包 rules: 12 months whole unit,
// 24 months for main parts, 7-day return and 15-day replacement windows; one extended warranty.
const input = {
  unit: { serialNo: 'JH1204-2025-00041', saleDate: '2025-03-10' },
  policy: tractorPolicy,
  readings: [{ date: '2025-09-01', value: 420 }],
  contracts: [{ id: 'c1', kind: 'extended_warranty' as const, name: '变速箱延保', startDate: '2027-03-10', endDate: '2028-03-09', coveredParts: ['变速箱箱体'] }],
};

describe('warrantyRows', () => {
  it('lists return, replacement, whole unit, each main part, contracts and repeated-repair rules in that order', () => {
    const rows = warrantyRows(computeWarranty({ ...input, queryDate: '2025-06-01' }), 'zh-CN');
    const keys = rows.map((r) => r.key);
    expect(keys.slice(0, 3)).toEqual(['return', 'replace', 'whole_unit']);
    const parts = tractorPolicy.mainParts ?? [];
    expect(parts.length).toBeGreaterThan(0);
    expect(keys.slice(3, 3 + parts.length)).toEqual(parts.map((p) => `part:${p.name}`));
    expect(keys).toContain('contract:c1');
    expect(keys.indexOf('contract:c1')).toBeLessThan(keys.indexOf('rule:0'));
    expect(rows.filter((r) => r.kind === 'repeated_repair').map((r) => r.rule)).toEqual(['same_fault', 'main_part_replacements', 'single_repair_days']);
    expect(rows.find((r) => r.kind === 'whole_unit')?.rule).toBeNull();
  });

  it('says the whole unit is covered until 12 months after the sale, with the start and the term in words', () => {
    const rows = warrantyRows(computeWarranty({ ...input, queryDate: '2025-06-01' }), 'zh-CN');
    const whole = rows.find((r) => r.key === 'whole_unit');
    expect(whole).toMatchObject({ applies: true, state: 'active', until: '2026-03-10' });
    expect(whole?.reasons).toContain('保修自销售（开票）日期 2025-03-10 起算');
    expect(whole?.reasons).toContain('期限 12 个月，自 2025-03-10 至 2026-03-10');
    // The 7-day return window closed long ago.
    const ret = rows.find((r) => r.key === 'return');
    expect(ret).toMatchObject({ applies: false, until: '2025-03-17' });
    expect(ret?.reasons.join()).toContain('已结束');
  });

  it('renders the same reasons in English when the UI is in English', () => {
    const rows = warrantyRows(computeWarranty({ ...input, queryDate: '2025-06-01' }), 'en');
    expect(rows.find((r) => r.key === 'whole_unit')?.reasons).toContain('the term is 12 months, from 2025-03-10 to 2026-03-10');
  });

  it('after the whole-unit term, still covers the main parts and explains the expiry', () => {
    const result = computeWarranty({ ...input, queryDate: '2026-06-01' });
    const rows = warrantyRows(result, 'zh-CN');
    expect(rows.find((r) => r.key === 'whole_unit')).toMatchObject({ applies: false, state: 'expired' });
    expect(rows.find((r) => r.key === 'part:内燃机机体')).toMatchObject({ applies: true, until: '2027-03-10' });
    expect(result.status).toBe('partially');
    expect(isCovered(result.status)).toBe(true);
    expect(warrantyStatusColor(result.status)).toBe('warning');
    expect(warrantySummary(result, 'zh-CN')).toMatch(/^部分在保，因为仍在保的有：.*内燃机机体/);
  });

  it('out of warranty: nothing applies and the summary names the last covered day', () => {
    const result = computeWarranty({ ...input, queryDate: '2030-01-01' });
    const rows = warrantyRows(result, 'zh-CN');
    expect(rows.filter((r) => r.applies)).toEqual([]);
    expect(result.status).toBe('expired');
    expect(isCovered(result.status)).toBe(false);
    expect(warrantyStatusColor(result.status)).toBe('error');
    expect(warrantySummary(result, 'zh-CN')).toContain('已过保，因为最后在保日为 2028-03-09');
    expect(warrantySummary(result, 'en')).toContain('Out of warranty, because the last covered day was 2028-03-09');
  });
});
