import { describe, expect, it } from 'vitest';
import { createContractSchema, createEquipmentSchema, equipmentDateIssues, serialNoSchema } from './equipment.schemas.js';

const id = '00000000-0000-4000-8000-000000000000';
const unit = { serialNo: 'ZY210-2024-00123', modelId: id, customerId: id, saleDate: '2024-03-01' };

describe('equipment dates', () => {
  it('accepts the chain sale ≤ delivery ≤ installation ≤ acceptance, with gaps and equal days', () => {
    expect(equipmentDateIssues({ saleDate: '2024-03-01', deliveryDate: '2024-03-01', installationDate: '2024-03-05', acceptanceDate: '2024-03-05' })).toEqual([]);
    expect(equipmentDateIssues({ saleDate: '2024-03-01', acceptanceDate: '2024-04-01' })).toEqual([]);
    expect(equipmentDateIssues({ saleDate: '2024-03-01', deliveryDate: null, installationDate: undefined })).toEqual([]);
  });

  it('puts the issue on the later field and names the field it must follow', () => {
    expect(equipmentDateIssues({ saleDate: '2024-03-01', installationDate: '2024-02-29' })).toEqual([{ path: ['installationDate'], message: 'must not be before saleDate' }]);
    expect(equipmentDateIssues({ saleDate: '2024-03-01', deliveryDate: '2024-03-10', acceptanceDate: '2024-03-09' })).toEqual([{ path: ['acceptanceDate'], message: 'must not be before deliveryDate' }]);
  });

  it('checks the chain on create', () => {
    expect(createEquipmentSchema.safeParse({ ...unit, installationDate: '2024-03-02' }).success).toBe(true);
    const bad = createEquipmentSchema.safeParse({ ...unit, installationDate: '2024-02-01' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['installationDate']);
    expect(createEquipmentSchema.parse(unit).status).toBe('in_service');
  });
});

describe('serial numbers', () => {
  it('take letters, digits and . _ / - only', () => {
    for (const s of ['ZY210-2024-00123', 'kfr72lw_2025/118830', 'A.B-1']) expect(serialNoSchema.safeParse(s).success, s).toBe(true);
    for (const s of ['', 'AB', '-ZY210', 'ZY 210', '序列号123', 'ZY%']) expect(serialNoSchema.safeParse(s).success, s).toBe(false);
  });
});

describe('service contracts', () => {
  const contract = { kind: 'maintenance', contractNo: 'WB-1', name: '年度维保', startDate: '2025-01-01', endDate: '2025-12-31' };
  it('need the end on or after the start', () => {
    expect(createContractSchema.safeParse(contract).success).toBe(true);
    expect(createContractSchema.safeParse({ ...contract, endDate: '2025-01-01' }).success).toBe(true);
    expect(createContractSchema.safeParse({ ...contract, endDate: '2024-12-31' }).error?.issues[0]?.path).toEqual(['endDate']);
  });
});
