import { describe, expect, it } from 'vitest';
import { parseCustomerKind, parseCustomerSource, splitCellList } from './customer-import.schemas.js';
import { parseEquipmentStatus, parseSheetDate, parseWarrantyStartEvent } from './imports.schemas.js';

describe('import cell parsing', () => {
  it('reads date cells and typed dates, and refuses impossible ones', () => {
    expect(parseSheetDate(new Date(Date.UTC(2025, 2, 1)))).toBe('2025-03-01');
    expect(parseSheetDate('2025/3/1')).toBe('2025-03-01');
    expect(parseSheetDate('2025年3月1日')).toBe('2025-03-01');
    expect(parseSheetDate('2024-02-29')).toBe('2024-02-29');
    expect(parseSheetDate('2025-02-29')).toBe('invalid');
    expect(parseSheetDate('下周')).toBe('invalid');
    expect(parseSheetDate(45000)).toBe('invalid');
    expect(parseSheetDate('')).toBeNull();
    expect(parseSheetDate(undefined)).toBeNull();
  });

  it('reads statuses and start events by label or code', () => {
    expect(parseEquipmentStatus('在用')).toBe('in_service');
    expect(parseEquipmentStatus('scrapped')).toBe('scrapped');
    expect(parseEquipmentStatus('坏了')).toBeUndefined();
    expect(parseWarrantyStartEvent('验收日期')).toBe('acceptance');
    expect(parseWarrantyStartEvent('安装')).toBe('installation');
  });
});

describe('customer import cell parsing', () => {
  it('splits lists on the separators people type and drops repeats', () => {
    expect(splitCellList('13800000001、0512-66881234, 13800000001；a/b c')).toEqual(['13800000001', '0512-66881234', 'a', 'b', 'c']);
    expect(splitCellList(' ')).toEqual([]);
    expect(splitCellList(null)).toEqual([]);
  });

  it('reads kinds and sources by label, code or common synonym', () => {
    expect(parseCustomerKind('个人')).toBe('individual');
    expect(parseCustomerKind('公司')).toBe('organization');
    expect(parseCustomerKind('organization')).toBe('organization');
    expect(parseCustomerKind('法人')).toBeUndefined();
    expect(parseCustomerSource('展会')).toBe('exhibition');
    expect(parseCustomerSource('referral')).toBe('referral');
    expect(parseCustomerSource('路过')).toBeUndefined();
  });
});
