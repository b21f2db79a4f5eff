import { describe, expect, it } from 'vitest';
import {
  formatWarrantyNumber,
  renderWarrantyCoverage,
  renderWarrantyReason,
  renderWarrantySummary,
} from './warranty.reasons.js';
import { warrantyReasonSchema, type WarrantyReason } from './warranty.result.schemas.js';
import { computeWarranty } from './warranty.engine.js';
import { householdCarPolicy, companyStandardPolicy } from './warranty.presets.js';

// One example of every reason code.
const samples: WarrantyReason[] = [
  { code: 'start_event', params: { event: 'installation', date: '2024-03-01' } },
  { code: 'start_event_fallback', params: { requested: 'installation', used: 'sale', date: '2024-03-01' } },
  { code: 'not_started', params: { from: '2024-03-01' } },
  { code: 'period', params: { months: 12, from: '2024-03-01', until: '2025-03-01' } },
  { code: 'no_date_limit', params: {} },
  { code: 'window', params: { days: 7, condition: 'quality_issue', until: '2024-03-08', isOpen: true } },
  { code: 'no_window', params: {} },
  { code: 'usage_within_limit', params: { limit: 60000, unit: 'km', used: 12345, asOf: '2024-06-01' } },
  { code: 'usage_limit_reached', params: { limit: 2000, unit: 'hour', reading: 2010, reachedOn: '2024-06-10' } },
  { code: 'usage_unknown', params: { limit: 2000, unit: 'hour' } },
  { code: 'extended_by_repairs', params: { days: 10, repairCount: 1, originalUntil: '2025-03-01' } },
  { code: 'date_limit_passed', params: { until: '2025-03-01' } },
  { code: 'excluded', params: { kind: 'misuse', since: '2024-06-01', part: '液压泵' } },
  { code: 'exclusion_not_voiding', params: { kind: 'accident', since: '2024-06-01' } },
  { code: 'part_excluded', params: { part: '液压泵', kind: 'unauthorised_repair', since: '2024-06-01' } },
  { code: 'wear_parts_excluded', params: { parts: ['斗齿', '滤芯'] } },
  { code: 'contract_period', params: { contractKind: 'maintenance', from: '2025-03-02', until: '2026-03-01' } },
  { code: 'contract_parts', params: { parts: ['主机'] } },
  {
    code: 'repeated_repair_met',
    params: {
      rule: 'same_fault', subject: 'BRAKE', count: 2, threshold: 2,
      triggeredOn: '2024-07-01', remedy: 'replace_or_return', needsFaultPersisting: true,
    },
  },
  { code: 'repeated_repair_not_met', params: { rule: 'cumulative_repair_days', subject: null, count: 12, threshold: 30 } },
  { code: 'summary_whole_unit_covered', params: { until: '2027-03-01' } },
  { code: 'summary_partially_covered', params: { covered: [{ kind: 'main_part', label: '压缩机' }, { kind: 'return', label: '' }] } },
  { code: 'summary_expired', params: { lastUntil: '2026-03-01' } },
  { code: 'summary_excluded', params: { kind: 'modification', since: '2024-06-01' } },
  { code: 'summary_not_started', params: { from: '2024-03-01' } },
  { code: 'after_warranty_service', params: { mode: 'lifelong_paid_on_site' } },
];

describe('renderWarrantyReason', () => {
  it('has a sample for every reason code, and every sample is valid', () => {
    const allCodes = warrantyReasonSchema.options.map((o) => o.shape.code.value).sort();
    expect(samples.map((s) => s.code).sort()).toEqual(allCodes);
    for (const s of samples) expect(warrantyReasonSchema.safeParse(s).success).toBe(true);
  });

  it.each(samples.map((s) => [s.code, s] as const))('renders %s in both languages', (_code, sample) => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const text = renderWarrantyReason(sample, locale);
      expect(text.length).toBeGreaterThan(3);
      expect(text).not.toMatch(/undefined|null|\[object/);
    }
  });

  it('renders the concrete values', () => {
    const reached = samples[8];
    if (!reached) throw new Error('sample missing');
    expect(renderWarrantyReason(reached, 'zh-CN')).toBe('2024-06-10 读数 2,010 小时，已达上限 2,000 小时（以先到者为准）');
    expect(renderWarrantyReason(reached, 'en')).toBe(
      'the reading of 2,010 h on 2024-06-10 reached the limit of 2,000 h (whichever comes first)',
    );
    const fallback = samples[1];
    if (!fallback) throw new Error('sample missing');
    expect(renderWarrantyReason(fallback, 'zh-CN')).toBe('未记录安装日期，改按销售（开票）日期 2024-03-01 起算');
  });

  it('formats numbers with thousands separators', () => {
    expect(formatWarrantyNumber(60000)).toBe('60,000');
    expect(formatWarrantyNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatWarrantyNumber(999)).toBe('999');
  });
});

describe('renderWarrantyCoverage / renderWarrantySummary', () => {
  const car = computeWarranty({
    unit: { saleDate: '2024-03-01' },
    policy: householdCarPolicy,
    readings: [{ date: '2024-06-01', value: 12000 }],
    queryDate: '2024-06-10',
  });

  it('explains an active coverage: "在保至 …,因为……" / "In warranty until …, because …"', () => {
    const engine = car.mainParts[0];
    if (!engine) throw new Error('no main part');
    expect(renderWarrantyCoverage(engine, 'zh-CN')).toBe(
      '在保至 2027-03-01，因为期限 36 个月，自 2024-03-01 至 2027-03-01；使用量 12,000 公里（2024-06-01 读数），未达上限 60,000 公里。',
    );
    expect(renderWarrantyCoverage(engine, 'en')).toBe(
      'In warranty until 2027-03-01, because the term is 36 months, from 2024-03-01 to 2027-03-01; ' +
        'usage is 12,000 km on 2024-06-01, below the limit of 60,000 km.',
    );
  });

  it('explains an expired window', () => {
    expect(renderWarrantyCoverage(car.returnWindow, 'en')).toMatch(/^Expired \(last covered day 2024-04-30\), because /);
    expect(renderWarrantyCoverage(car.returnWindow, 'zh-CN')).toMatch(/^已过期（最后有效日 2024-04-30），因为/);
  });

  it('summarises with the start-date fallback', () => {
    expect(renderWarrantySummary(car, 'zh-CN')).toBe(
      '在保，因为整机在保至 2027-03-01；未记录验收（交付）日期，改按销售（开票）日期 2024-03-01 起算。',
    );
    expect(renderWarrantySummary(car, 'en')).toBe(
      'In warranty, because the whole unit is covered until 2027-03-01; no acceptance (delivery) date is recorded, ' +
        'so it starts on the sale (invoice) date, 2024-03-01.',
    );
  });

  it('summarises an expired unit with its after-warranty service', () => {
    const r = computeWarranty({ unit: { saleDate: '2020-01-01' }, policy: companyStandardPolicy, queryDate: '2024-01-01' });
    expect(renderWarrantySummary(r, 'zh-CN')).toBe(
      '已过保，因为最后在保日为 2022-01-01；保外可享受终身有偿上门服务；未记录验收（交付）日期，改按销售（开票）日期 2020-01-01 起算。',
    );
  });
});
