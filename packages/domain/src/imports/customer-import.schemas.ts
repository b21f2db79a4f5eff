import { customerKinds, customerSources, type CustomerKind, type CustomerSource } from '../customers/customers.schemas.js';
import { customerKindLabels, customerSourceLabels } from './exports.schemas.js';

/**
 * Headers of the customer (客户资料登记表) import, in template order. The names follow the
 * customer export where the two overlap, so an exported list can be edited and imported again.
 */
export const customerImportColumns = {
  name: '客户名称', kind: '类型', contactName: '主要联系人', phones: '电话', province: '省', city: '市', county: '区县',
  address: '详细地址', source: '来源', tags: '标签', grade: '等级', orgCode: '所属机构编码', notes: '备注',
} as const;
export type CustomerImportField = keyof typeof customerImportColumns;
export const customerImportRequired = ['name', 'kind', 'phones'] as const satisfies readonly CustomerImportField[];

/** Several values in one cell: 13800000000、13900000000 or a, b / c. */
export function splitCellList(text: string | null): string[] {
  if (!text) return [];
  return [...new Set(text.split(/[,，、;；/\s]+/).map((v) => v.trim()).filter((v) => v !== ''))];
}

const byLabel = <T extends string>(codes: readonly T[], labels: Record<T, string>, text: string, extra: Record<string, T> = {}): T | undefined => {
  const t = text.trim();
  return codes.find((c) => c === t || labels[c] === t) ?? extra[t];
};

/** 类型 as typed: 个人 / 单位 (also 企业, 公司, 组织) or the code. */
export const parseCustomerKind = (text: string): CustomerKind | undefined =>
  byLabel(customerKinds, customerKindLabels, text, { 企业: 'organization', 公司: 'organization', 组织: 'organization', organisation: 'organization' });

/** 来源 as typed: the Chinese label (热线) or the code (hotline). */
export const parseCustomerSource = (text: string): CustomerSource | undefined => byLabel(customerSources, customerSourceLabels, text);
