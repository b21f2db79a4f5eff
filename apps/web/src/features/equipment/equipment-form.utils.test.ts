import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Equipment } from '@sht/domain';
import { dateOrderIssue, toCreateInput, toFormValues, toUpdateInput } from './equipment-form.utils';
import { equipmentExportHref } from './equipment.api';

const unit: Equipment = {
  id: 'u1', serialNo: 'ZY210-2025-00219', modelId: 'm1', modelCode: 'ZY210', modelName: 'ZY210 履带式液压挖掘机', categoryName: '挖掘机',
  meterKind: 'hours', customerId: 'c1', customerName: '南京宁建', orgId: 'o2', orgName: '南京江宁', outletOrgId: 'o2', outletOrgName: '南京江宁',
  site: { address: '淳化街道青龙山路 18 号', provinceCode: '32', cityCode: '3201', countyCode: '320115' },
  saleDate: '2025-06-01', deliveryDate: '2025-06-03', installationDate: '2025-06-04', acceptanceDate: null, warrantyStartEvent: null,
  status: 'in_service', latestReading: null, notes: null, version: 3, createdAt: '', updatedAt: '',
};

describe('unit form values', () => {
  it('turns the form into a create input with calendar dates and no blank fields', () => {
    const input = toCreateInput({
      serialNo: ' ZY210-X1 ', modelId: 'm1', customerId: 'c1', siteAddress: '  ', saleDate: dayjs('2025-06-01'), deliveryDate: null,
      status: 'idle', notes: '',
    });
    expect(input).toEqual({
      serialNo: 'ZY210-X1', modelId: 'm1', customerId: 'c1', outletOrgId: null, site: null, saleDate: '2025-06-01',
      deliveryDate: null, installationDate: null, acceptanceDate: null, warrantyStartEvent: null, status: 'idle',
    });
  });

  it('sends only what changed, with the version, and keeps division codes of a re-worded address', () => {
    const values = { ...toFormValues(unit), acceptanceDate: dayjs('2025-06-05'), siteAddress: '青龙山路 18 号', notes: '客户自提' };
    expect(toUpdateInput(unit, values)).toEqual({
      version: 3,
      acceptanceDate: '2025-06-05',
      site: { address: '青龙山路 18 号', provinceCode: '32', cityCode: '3201', countyCode: '320115' },
      notes: '客户自提',
    });
    expect(toUpdateInput(unit, toFormValues(unit))).toEqual({ version: 3 });
    expect(toUpdateInput(unit, { ...toFormValues(unit), deliveryDate: null, outletOrgId: undefined })).toEqual({ version: 3, deliveryDate: null, outletOrgId: null });
  });

  it('flags a date that comes before an earlier step', () => {
    const values = { ...toFormValues(unit), installationDate: dayjs('2025-06-02') };
    expect(dateOrderIssue(values, 'installationDate')).toBe(true);
    expect(dateOrderIssue(values, 'deliveryDate')).toBe(false);
    expect(dateOrderIssue(toFormValues(unit), 'installationDate')).toBe(false);
  });
});

describe('equipmentExportHref', () => {
  it('carries the list filters and sort but not the page', () => {
    expect(equipmentExportHref({ q: 'ZY210', status: 'idle', sort: 'saleDate', order: 'desc' })).toBe(
      '/api/v1/equipment/export?q=ZY210&status=idle&sort=saleDate&order=desc',
    );
    expect(equipmentExportHref({ order: 'desc' })).toBe('/api/v1/equipment/export');
  });
});
