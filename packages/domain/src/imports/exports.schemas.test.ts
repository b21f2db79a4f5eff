import { describe, expect, it } from 'vitest';
import { exportCustomersQuerySchema, exportEquipmentQuerySchema, exportFileName } from './exports.schemas.js';

describe('export schemas', () => {
  it('names the file after the list and the day', () => {
    expect(exportFileName('客户', '2026-11-22')).toBe('客户_20261122.xlsx');
  });

  it('takes the list filters but no paging', () => {
    const q = exportCustomersQuerySchema.parse({ kind: 'organization', page: '3', pageSize: '10' });
    expect(q).toEqual({ kind: 'organization', order: 'asc' });
    expect(exportEquipmentQuerySchema.parse({ status: 'idle', isScrapped: 'false' })).toEqual({ status: 'idle', isScrapped: false, order: 'asc' });
    expect(exportEquipmentQuerySchema.safeParse({ status: 'gone' }).success).toBe(false);
  });
});
