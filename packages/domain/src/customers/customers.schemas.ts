import { z } from 'zod';
import { idSchema, listQuerySchema, pageSchema, phoneSchema } from '../common/common.schemas.js';
import { normalizePhone, SEARCH_TERM_MAX } from './customers.search-keys.js';

export const customerKinds = ['individual', 'organization'] as const;
export const customerKindSchema = z.enum(customerKinds);
export type CustomerKind = z.infer<typeof customerKindSchema>;

// Where the customer came from (客户资料登记表 "来源").
export const customerSources = ['hotline', 'web', 'outlet', 'sales', 'import', 'referral', 'exhibition', 'other'] as const;
export const customerSourceSchema = z.enum(customerSources);
export type CustomerSource = z.infer<typeof customerSourceSchema>;

// A = clear intent, B = some intent, C = information only (pre-sale grading).
export const customerGradeSchema = z.enum(['A', 'B', 'C']);
export type CustomerGrade = z.infer<typeof customerGradeSchema>;

const text = (max: number) => z.string().trim().max(max);

export const contactInputSchema = z.object({
  // Keeps a contact's id across edits; omitted for new contacts.
  id: idSchema.optional(),
  name: text(50).min(1),
  title: text(50).optional(),
  phones: z.array(phoneSchema).max(5).default([]),
  isPrimary: z.boolean().default(false),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

const divisionCode = (digits: number) => z.string().regex(new RegExp(`^\\d{${digits}}$`), { message: `division code of ${digits} digits` });

/** Province / city / county by GB/T 2260 code; names are optional and checked against the codes. */
export const addressInputSchema = z
  .object({
    provinceCode: divisionCode(2),
    cityCode: divisionCode(4).optional(),
    countyCode: divisionCode(6).optional(),
    provinceName: text(30).optional(),
    cityName: text(30).optional(),
    countyName: text(30).optional(),
    detail: text(200).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.cityCode && !a.cityCode.startsWith(a.provinceCode)) {
      ctx.addIssue({ code: 'custom', path: ['cityCode'], message: 'city is not in the province' });
    }
    if (a.countyCode && !a.cityCode) ctx.addIssue({ code: 'custom', path: ['cityCode'], message: 'a county needs its city' });
    if (a.countyCode && a.cityCode && !a.countyCode.startsWith(a.cityCode)) {
      ctx.addIssue({ code: 'custom', path: ['countyCode'], message: 'county is not in the city' });
    }
    if ((a.lat === undefined) !== (a.lng === undefined)) {
      ctx.addIssue({ code: 'custom', path: [a.lat === undefined ? 'lat' : 'lng'], message: 'latitude and longitude go together' });
    }
  });
export type AddressInput = z.infer<typeof addressInputSchema>;

const contactsField = z
  .array(contactInputSchema)
  .min(1)
  .max(20)
  .superRefine((contacts, ctx) => {
    if (!contacts.some((c) => c.phones.length > 0)) {
      ctx.addIssue({ code: 'custom', path: [0, 'phones'], message: 'at least one phone is required' });
    }
    const seen = new Set<string>();
    contacts.forEach((c, i) =>
      c.phones.forEach((p, j) => {
        const digits = normalizePhone(p);
        if (seen.has(digits)) ctx.addIssue({ code: 'custom', path: [i, 'phones', j], message: 'duplicate phone' });
        seen.add(digits);
      }),
    );
    const primaries = contacts.flatMap((c, i) => (c.isPrimary ? [i] : []));
    for (const i of primaries.slice(1)) ctx.addIssue({ code: 'custom', path: [i, 'isPrimary'], message: 'only one primary contact' });
  });

const tagsField = z
  .array(text(20).min(1))
  .max(20)
  .refine((tags) => new Set(tags).size === tags.length, { message: 'duplicate tag' });

const customerFields = {
  kind: customerKindSchema,
  name: text(100).min(1),
  contacts: contactsField,
  address: addressInputSchema.nullable().optional(),
  source: customerSourceSchema,
  tags: tagsField.default([]),
  grade: customerGradeSchema.nullable().optional(),
  // Owning org node; defaults to the caller's own node.
  orgId: idSchema.optional(),
  notes: text(2000).optional(),
};

export const createCustomerSchema = z.object({
  ...customerFields,
  // Create anyway although a customer with the same phone or name exists (the 409 was seen).
  confirmDuplicate: z.boolean().default(false),
});
export type CreateCustomerInput = z.infer<typeof createCustomerSchema>;

export const updateCustomerSchema = z.object({
  kind: customerFields.kind.optional(),
  name: customerFields.name.optional(),
  contacts: contactsField.optional(),
  address: customerFields.address,
  source: customerFields.source.optional(),
  tags: tagsField.optional(),
  grade: customerFields.grade,
  orgId: idSchema.optional(),
  notes: text(2000).nullable().optional(),
  // Optimistic locking: the version the client edited.
  version: z.number().int().min(1),
});
export type UpdateCustomerInput = z.infer<typeof updateCustomerSchema>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phones: z.array(z.string()),
  isPrimary: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string().nullable(),
  cityName: z.string().nullable(),
  countyCode: z.string().nullable(),
  countyName: z.string().nullable(),
  detail: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

export const customerSchema = z.object({
  id: z.string(),
  kind: customerKindSchema,
  name: z.string(),
  namePinyin: z.string(),
  nameInitials: z.string(),
  contacts: z.array(contactSchema),
  address: addressSchema.nullable(),
  source: customerSourceSchema,
  tags: z.array(z.string()),
  grade: customerGradeSchema.nullable(),
  orgId: z.string(),
  orgName: z.string(),
  notes: z.string().nullable(),
  isActive: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** A row of lists and find-as-you-type: enough to recognise the caller on the phone. */
export const customerSummarySchema = z.object({
  id: z.string(),
  kind: customerKindSchema,
  name: z.string(),
  primaryContact: z.string().nullable(),
  phones: z.array(z.string()),
  provinceName: z.string().nullable(),
  cityName: z.string().nullable(),
  countyName: z.string().nullable(),
  source: customerSourceSchema,
  tags: z.array(z.string()),
  grade: customerGradeSchema.nullable(),
  orgId: z.string(),
  orgName: z.string(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CustomerSummary = z.infer<typeof customerSummarySchema>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const customerSortable = ['name', 'createdAt', 'updatedAt', 'grade'] as const;
export const listCustomersQuerySchema = listQuerySchema(customerSortable).extend({
  kind: customerKindSchema.optional(),
  grade: customerGradeSchema.optional(),
  source: customerSourceSchema.optional(),
  // The owning org's subtree.
  orgId: idSchema.optional(),
  provinceCode: divisionCode(2).optional(),
  tag: text(20).min(1).optional(),
  isActive: booleanQuery.optional(),
});
export type ListCustomersQuery = z.infer<typeof listCustomersQuerySchema>;
export const customerPageSchema = pageSchema(customerSummarySchema);

export const searchCustomersQuerySchema = z.object({
  q: text(SEARCH_TERM_MAX).min(1),
  limit: z.coerce.number().int().min(1).max(20).default(10),
  includeInactive: booleanQuery.default(false),
});
export type SearchCustomersQuery = z.infer<typeof searchCustomersQuerySchema>;
export const customerSearchResultSchema = z.object({ items: z.array(customerSummarySchema) });

export const duplicatesQuerySchema = z
  .object({
    phone: phoneSchema.optional(),
    name: text(100).min(1).optional(),
    // When editing: leave the customer itself out.
    excludeId: idSchema.optional(),
  })
  .refine((q) => q.phone !== undefined || q.name !== undefined, { path: ['phone'], message: 'phone or name is required' });
export type DuplicatesQuery = z.infer<typeof duplicatesQuerySchema>;

export const duplicateMatchSchema = z.object({
  matchedOn: z.enum(['phone', 'name']),
  value: z.string(),
  customer: customerSummarySchema,
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;
export const duplicatesResultSchema = z.object({ matches: z.array(duplicateMatchSchema) });

/** Chinese text of the English messages above, for the server's validation-message table. */
export const customerIssueMessagesZh: Record<string, string> = {
  'division code of 2 digits': '行政区划代码应为 2 位数字',
  'division code of 4 digits': '行政区划代码应为 4 位数字',
  'division code of 6 digits': '行政区划代码应为 6 位数字',
  'city is not in the province': '所选城市不属于该省份',
  'a county needs its city': '选择区县前请先选择城市',
  'county is not in the city': '所选区县不属于该城市',
  'latitude and longitude go together': '经度和纬度需同时填写',
  'at least one phone is required': '至少填写一个联系电话',
  'duplicate phone': '电话号码重复',
  'only one primary contact': '只能有一个主要联系人',
  'duplicate tag': '标签重复',
  'phone or name is required': '请填写电话或名称',
};

/** Exactly one primary contact: the flagged one, else the first listed. */
export function withPrimaryContact<T extends { isPrimary: boolean }>(contacts: readonly T[]): T[] {
  const primary = contacts.findIndex((c) => c.isPrimary);
  const index = primary < 0 ? 0 : primary;
  return contacts.map((c, i) => ({ ...c, isPrimary: i === index }));
}
