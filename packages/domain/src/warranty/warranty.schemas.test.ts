import { describe, expect, it } from 'vitest';
import { warrantyInputSchema, warrantyPolicySchema, type WarrantyPolicy } from './warranty.schemas.js';
import { warrantyPresets } from './warranty.presets.js';
import { computeWarranty } from './warranty.engine.js';
import { warrantyResultSchema } from './warranty.result.schemas.js';

const basePolicy: WarrantyPolicy = {
  name: '测试政策',
  scope: { kind: 'model', code: 'EX-200' },
  startEvent: 'sale',
  usageUnit: 'hour',
  returnWindows: [{ days: 7, condition: 'quality_issue' }],
  replaceWindows: [{ days: 15, condition: 'quality_issue' }],
  wholeUnit: { months: 12, usageLimit: 2000 },
  mainParts: [{ name: '液压泵', months: 24, usageLimit: 4000 }],
  exclusions: { voidingKinds: ['misuse'], wearParts: ['斗齿'] },
};

function issuesOf(value: unknown) {
  const parsed = warrantyPolicySchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('warrantyPolicySchema', () => {
  it('accepts a consistent policy', () => {
    expect(issuesOf(basePolicy)).toEqual([]);
  });

  it('rejects a replacement window shorter than the return window, on the replacement field', () => {
    const issues = issuesOf({ ...basePolicy, replaceWindows: [{ days: 5, condition: 'quality_issue' }] });
    expect(issues).toEqual([
      { path: 'replaceWindows.0.days', message: 'replacement window must not be shorter than return window (7 days)' },
    ]);
  });

  it('accepts equal return and replacement windows', () => {
    expect(issuesOf({ ...basePolicy, replaceWindows: [{ days: 7, condition: 'quality_issue' }] })).toEqual([]);
  });

  it('rejects a return window when there is no replacement window at all', () => {
    expect(issuesOf({ ...basePolicy, replaceWindows: [] }).map((i) => i.path)).toEqual(['replaceWindows']);
  });

  it('rejects main parts shorter or lower than the whole unit, naming the field', () => {
    const issues = issuesOf({
      ...basePolicy,
      mainParts: [
        { name: '发动机', months: 6 },
        { name: '液压泵', months: 24, usageLimit: 1000 },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['mainParts.0.months', 'mainParts.1.usageLimit']);
  });

  it('rejects duplicate main parts', () => {
    const part = { name: '液压泵', months: 24 };
    expect(issuesOf({ ...basePolicy, mainParts: [part, part] }).map((i) => i.path)).toEqual(['mainParts.1.name']);
  });

  it('requires months or a usage limit for the whole unit', () => {
    expect(issuesOf({ ...basePolicy, wholeUnit: {} }).map((i) => i.path)).toEqual(['wholeUnit.months']);
    expect(issuesOf({ ...basePolicy, wholeUnit: { usageLimit: 2000 } })).toEqual([]);
  });

  it('requires a usage unit when any usage limit is set', () => {
    const { usageUnit: _unit, ...withoutUnit } = basePolicy;
    expect(issuesOf(withoutUnit).map((i) => i.path)).toEqual(['usageUnit']);
  });

  it('checks that a replacement rule names real main parts', () => {
    const policy = {
      ...basePolicy,
      repeatedRepair: {
        rules: [
          { kind: 'main_part_replacements', minReplacements: 2, parts: ['发动机'], needsFaultPersisting: true, remedy: 'replace' },
        ],
      },
    };
    expect(issuesOf(policy).map((i) => i.path)).toEqual(['repeatedRepair.rules.0.parts.0']);
  });

  it('rejects unknown enum values and non-positive periods', () => {
    expect(issuesOf({ ...basePolicy, startEvent: 'delivery' }).map((i) => i.path)).toEqual(['startEvent']);
    expect(issuesOf({ ...basePolicy, wholeUnit: { months: 0 } }).map((i) => i.path)).toEqual(['wholeUnit.months']);
  });

  it.each(Object.entries(warrantyPresets))('preset %s is a valid policy', (_key, preset) => {
    expect(issuesOf(preset)).toEqual([]);
  });
});

describe('warrantyInputSchema', () => {
  const input = {
    unit: { saleDate: '2024-03-01' },
    policy: basePolicy,
    queryDate: '2024-03-10',
  };

  it('accepts a minimal query', () => {
    expect(warrantyInputSchema.safeParse(input).success).toBe(true);
  });

  it('rejects impossible dates', () => {
    const parsed = warrantyInputSchema.safeParse({ ...input, queryDate: '2023-02-29' });
    expect(parsed.success).toBe(false);
  });

  it('rejects a repair that ends before it starts, and a replacement without a part', () => {
    const parsed = warrantyInputSchema.safeParse({
      ...input,
      repairs: [{ faultCode: 'F1', startDate: '2024-03-05', endDate: '2024-03-04', isMainPartReplacement: true }],
    });
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['repairs.0.endDate', 'repairs.0.mainPart']);
  });

  it('rejects a contract ending before it starts, or with a usage limit but no unit', () => {
    const { usageUnit: _u, wholeUnit: _w, mainParts: _m, ...rest } = basePolicy;
    const parsed = warrantyInputSchema.safeParse({
      ...input,
      policy: { ...rest, wholeUnit: { months: 12 } },
      contracts: [
        { id: 'c1', kind: 'maintenance', name: '维保', startDate: '2025-01-01', endDate: '2024-12-31', usageLimit: 5000 },
      ],
    });
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['contracts.0.endDate', 'contracts.0.usageLimit']);
  });
});

describe('warrantyResultSchema', () => {
  it('validates what the engine returns', () => {
    const result = computeWarranty({
      unit: { saleDate: '2024-03-01' },
      policy: basePolicy,
      readings: [{ date: '2024-06-01', value: 300 }],
      repairs: [{ faultCode: 'F1', startDate: '2024-04-01', endDate: '2024-04-03' }],
      contracts: [{ id: 'c1', kind: 'extended_warranty', name: '延保', startDate: '2025-03-02', endDate: '2026-03-01' }],
      exclusions: [{ kind: 'misuse', foundOn: '2024-05-01', part: '液压泵' }],
      queryDate: '2024-06-10',
    });
    const parsed = warrantyResultSchema.safeParse(result);
    expect(parsed.success).toBe(true);
  });
});
