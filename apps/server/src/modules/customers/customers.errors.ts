import { defineErrors } from '../../http/errors.js';

export const customerErrors = defineErrors({
  CUSTOMER_NOT_FOUND: { status: 404, 'zh-CN': '客户不存在', en: 'Customer not found' },
  CUSTOMER_POSSIBLE_DUPLICATE: {
    status: 409,
    'zh-CN': '已有 {count} 个客户的电话或名称相同,请确认后再保存',
    en: '{count} existing customers share a phone or the name; confirm to save anyway',
  },
  CUSTOMER_ORG_INACTIVE: { status: 422, 'zh-CN': '所属组织已停用', en: 'The owning organisation is inactive' },
  DIVISION_UNKNOWN: { status: 422, 'zh-CN': '行政区划代码 {code} 不存在或不属于上级区划', en: 'Division code {code} does not exist or is not within its parent' },
  DIVISION_NAME_MISMATCH: { status: 422, 'zh-CN': '行政区划 {code} 的名称应为 {expected}', en: 'The name of division {code} is {expected}' },
});
