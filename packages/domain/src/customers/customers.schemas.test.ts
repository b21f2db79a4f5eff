import { describe, expect, it } from 'vitest';
import { addressInputSchema, createCustomerSchema, duplicatesQuerySchema, withPrimaryContact } from './customers.schemas.js';

const valid = {
  kind: 'organization',
  name: '张三农业合作社',
  source: 'hotline',
  contacts: [{ name: '张三', phones: ['13912345678'] }, { name: '李四', phones: [] }],
  address: { provinceCode: '32', cityCode: '3205', countyCode: '320506', detail: '木渎镇' },
};

function issuePaths(input: unknown) {
  const r = createCustomerSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('customer input', () => {
  it('accepts a complete customer and fills defaults', () => {
    const r = createCustomerSchema.parse(valid);
    expect(r).toMatchObject({ tags: [], confirmDuplicate: false });
    expect(r.contacts[1]).toMatchObject({ phones: [], isPrimary: false });
  });

  it('needs at least one phone among the contacts', () => {
    expect(issuePaths({ ...valid, contacts: [{ name: '张三', phones: [] }] })).toEqual(['contacts.0.phones: at least one phone is required']);
    expect(issuePaths({ ...valid, contacts: [] })[0]).toMatch(/^contacts:/);
  });

  it('refuses the same phone twice and two primary contacts', () => {
    const contacts = [
      { name: '张三', phones: ['13912345678'], isPrimary: true },
      { name: '李四', phones: ['+86 13912345678'], isPrimary: true },
    ];
    expect(issuePaths({ ...valid, contacts })).toEqual(['contacts.1.phones.0: duplicate phone', 'contacts.1.isPrimary: only one primary contact']);
  });

  it('refuses duplicate tags, overlong names and unknown kinds', () => {
    expect(issuePaths({ ...valid, tags: ['大客户', '大客户'] })).toEqual(['tags: duplicate tag']);
    expect(issuePaths({ ...valid, name: '农'.repeat(101) })).toHaveLength(1);
    expect(issuePaths({ ...valid, kind: 'robot' })).toHaveLength(1);
  });
});

describe('address input', () => {
  const paths = (a: unknown) => {
    const r = addressInputSchema.safeParse(a);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts a province alone or a full province/city/county chain', () => {
    expect(paths({ provinceCode: '13' })).toEqual([]);
    expect(paths({ provinceCode: '13', cityCode: '1301', countyCode: '130182', lat: 38.03, lng: 114.85 })).toEqual([]);
  });

  it('puts hierarchy errors on the field at fault', () => {
    expect(paths({ provinceCode: '32', cityCode: '1301' })).toEqual(['cityCode: city is not in the province']);
    expect(paths({ provinceCode: '32', cityCode: '3205', countyCode: '320106' })).toEqual(['countyCode: county is not in the city']);
    expect(paths({ provinceCode: '32', countyCode: '320506' })).toEqual(['cityCode: a county needs its city']);
    expect(paths({ provinceCode: '32', lat: 31 })).toEqual(['lng: latitude and longitude go together']);
    expect(paths({ provinceCode: '3' })).toEqual(['provinceCode: division code of 2 digits']);
  });
});

describe('duplicate query and primary contact', () => {
  it('needs a phone or a name', () => {
    expect(duplicatesQuerySchema.safeParse({}).success).toBe(false);
    expect(duplicatesQuerySchema.safeParse({ name: '张三' }).success).toBe(true);
  });

  it('makes exactly one contact primary', () => {
    expect(withPrimaryContact([{ isPrimary: false }, { isPrimary: false }]).map((c) => c.isPrimary)).toEqual([true, false]);
    expect(withPrimaryContact([{ isPrimary: false }, { isPrimary: true }]).map((c) => c.isPrimary)).toEqual([false, true]);
  });
});
