import { describe, expect, it } from 'vitest';
import type { Customer } from '@sht/domain';
import { changedCustomerFields, regionText, toCreateInput, toCustomerFields, toFormValues } from './customer-form.utils';

const customer: Customer = {
  id: 'c1',
  kind: 'organization',
  name: '张三农业合作社',
  namePinyin: 'zhangsannongyehezuoshe',
  nameInitials: 'zsnyhzs',
  contacts: [
    { id: 'k1', name: '张三', title: '理事长', phones: ['13962130001'], isPrimary: true },
    { id: 'k2', name: '张小燕', title: null, phones: [], isPrimary: false },
  ],
  address: {
    provinceCode: '32', provinceName: '江苏省', cityCode: '3205', cityName: '苏州市',
    countyCode: '320506', countyName: '吴中区', detail: '临湖镇', lat: null, lng: null,
  },
  source: 'outlet',
  tags: ['合作社'],
  grade: 'A',
  orgId: 'o1',
  orgName: '苏州吴中网点',
  notes: null,
  isActive: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('customer form values', () => {
  it('round-trips a customer without reporting changes', () => {
    const fields = toCustomerFields(toFormValues(customer));
    expect(fields.address).toEqual({ provinceCode: '32', cityCode: '3205', countyCode: '320506', detail: '临湖镇' });
    expect(fields.contacts[1]).toEqual({ id: 'k2', name: '张小燕', phones: [], isPrimary: false });
    expect(changedCustomerFields(fields, fields)).toEqual({});
  });

  it('sends only the changed fields, with cleared ones as null', () => {
    const before = toCustomerFields(toFormValues(customer));
    const values = { ...toFormValues(customer), grade: undefined, region: [], detail: ' ', tags: ['合作社', '大客户'] };
    expect(changedCustomerFields(before, toCustomerFields(values))).toEqual({ grade: null, address: null, tags: ['合作社', '大客户'] });
  });

  it('builds a create input without blanks, keeping the duplicate confirmation', () => {
    const input = toCreateInput(
      {
        kind: 'individual', name: ' 王五 ', source: 'hotline', tags: [], orgId: 'o1', region: ['11'], detail: '', notes: '',
        contacts: [{ name: '王五', title: '', phones: ['13900000000', ' '], isPrimary: false }],
      },
      true,
    );
    expect(input).toEqual({
      kind: 'individual', name: '王五', source: 'hotline', tags: [], orgId: 'o1', grade: null,
      address: { provinceCode: '11' }, contacts: [{ name: '王五', phones: ['13900000000'], isPrimary: false }], confirmDuplicate: true,
    });
  });

  it('writes a region once per distinct name', () => {
    expect(regionText(['北京市', '北京市', '朝阳区'])).toBe('北京市 朝阳区');
    expect(regionText(['江苏省', null, undefined])).toBe('江苏省');
  });
});
