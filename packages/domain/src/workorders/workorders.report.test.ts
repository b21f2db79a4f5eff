import { describe, expect, it } from 'vitest';
import { compensationFor, computeChargeSheet, type CatalogPart, type RepairCoverage } from './workorders.report.js';

const belt: CatalogPart = { id: 'b', code: 'SP-LZ-VB02', name: '脱粒三角带', priceFen: 9_800, isWearPart: true, quantity: 2, oldPartReturned: false };
const pump: CatalogPart = { id: 'p', code: 'SP-ZY-HP10', name: '主液压泵总成', priceFen: 3_860_000, isWearPart: false, quantity: 1, oldPartReturned: true };
const rates = { labourFenPerHour: 12_000, travelFenPerKm: 300 };
const inWarranty: RepairCoverage = { wholeUnit: true, mainParts: ['液压泵'], contract: false, wearParts: [] };
const expired: RepairCoverage = { wholeUnit: false, mainParts: [], contract: false, wearParts: [] };
const base = { labourHours: 2.5, travelKm: 40, rates, liability: 'quality_defect' as const, compensationFen: 0, mainPart: null };

describe('computeChargeSheet', () => {
  it('makes a quality defect in warranty free except wear parts', () => {
    const sheet = computeChargeSheet({ ...base, parts: [pump, belt], coverage: inWarranty });
    expect(sheet.lines.map((l) => [l.kind, l.amountFen, l.free, l.reason])).toEqual([
      ['part', 3_860_000, true, 'warranty'],
      ['part', 19_600, false, 'wear_part'],
      ['labour', 30_000, true, 'warranty'],
      ['travel', 12_000, true, 'warranty'],
    ]);
    expect(sheet).toMatchObject({ chargedFen: 19_600, freeFen: 3_902_000, isWarrantyRepair: true });
  });

  it('charges everything after the warranty, unless the repaired main part has its own running warranty', () => {
    expect(computeChargeSheet({ ...base, parts: [pump], coverage: expired })).toMatchObject({ chargedFen: 3_860_000 + 30_000 + 12_000, isWarrantyRepair: false });
    const mainPart = computeChargeSheet({ ...base, parts: [pump], coverage: { ...expired, mainParts: ['液压泵'] }, mainPart: '液压泵' });
    expect(mainPart.lines.map((l) => [l.kind, l.free, l.reason])).toEqual([['part', true, 'main_part_warranty'], ['labour', true, 'main_part_warranty'], ['travel', true, 'main_part_warranty']]);
    expect(mainPart.chargedFen).toBe(0);
  });

  it('charges misuse and third-party damage even in warranty', () => {
    for (const liability of ['misuse', 'third_party', 'wear'] as const) {
      const sheet = computeChargeSheet({ ...base, parts: [pump], coverage: inWarranty, liability });
      expect(sheet.lines.every((l) => !l.free && l.reason === 'liability')).toBe(true);
      expect(sheet.chargedFen).toBe(3_902_000);
    }
  });

  it('covers by contract after the warranty, and treats an undetermined liability as the maker\'s', () => {
    const sheet = computeChargeSheet({ ...base, parts: [pump], coverage: { ...expired, contract: true }, liability: 'undetermined' });
    expect(sheet.lines.map((l) => l.reason)).toEqual(['contract', 'contract', 'contract']);
    expect(sheet.chargedFen).toBe(0);
  });

  it('charges everything when no unit is known, and subtracts a compensation', () => {
    const sheet = computeChargeSheet({ ...base, parts: [belt], coverage: null, compensationFen: 5_000 });
    expect(sheet.lines.map((l) => l.reason)).toEqual(['no_unit', 'no_unit', 'no_unit', 'compensation']);
    expect(sheet.chargedFen).toBe(19_600 + 30_000 + 12_000 - 5_000);
    expect(sheet.compensationFen).toBe(5_000);
  });

  it('names wear parts of the policy even if the catalogue does not flag them', () => {
    const sheet = computeChargeSheet({ ...base, labourHours: 0, travelKm: 0, parts: [{ ...pump, isWearPart: false }], coverage: { ...inWarranty, wearParts: ['主液压泵总成'] } });
    expect(sheet.lines).toHaveLength(1);
    expect(sheet.lines[0]).toMatchObject({ free: false, reason: 'wear_part' });
    // The repair itself (labour, travel) is still a warranty repair under the whole-unit warranty.
    expect(sheet.isWarrantyRepair).toBe(true);
  });

  it('rounds quarter hours to whole fen', () => {
    const sheet = computeChargeSheet({ ...base, labourHours: 0.25, travelKm: 0.5, parts: [], coverage: expired, rates: { labourFenPerHour: 12_345, travelFenPerKm: 333 } });
    expect(sheet.lines.map((l) => l.amountFen)).toEqual([3_086, 167]);
  });
});

describe('compensationFor', () => {
  it('grants a fixed amount or a share of the repair value for the liabilities it names', () => {
    expect(compensationFor({ kind: 'fixed', liability: 'quality_defect', amountFen: 20_000, percent: null }, 'quality_defect', 500_000)).toBe(20_000);
    expect(compensationFor({ kind: 'percent_of_repair', liability: null, amountFen: null, percent: 10 }, 'undetermined', 123_456)).toBe(12_346);
  });

  it('does not apply to another liability', () => {
    expect(compensationFor({ kind: 'fixed', liability: 'quality_defect', amountFen: 20_000, percent: null }, 'misuse', 500_000)).toBeNull();
    expect(compensationFor({ kind: 'percent_of_repair', liability: null, amountFen: null, percent: 10 }, 'third_party', 500_000)).toBeNull();
  });
});
