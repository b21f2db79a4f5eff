import { z } from 'zod';

export const roles = [
  'admin',
  'hq_manager',
  'region_manager',
  'outlet_manager',
  'technician',
  'hotline_agent',
  'sales',
  'finance',
  'quality',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  hq_manager: { 'zh-CN': '客户服务部经理', en: 'HQ service manager' },
  region_manager: { 'zh-CN': '地区服务中心主任', en: 'Regional centre manager' },
  outlet_manager: { 'zh-CN': '网点负责人', en: 'Outlet manager' },
  technician: { 'zh-CN': '服务工程师', en: 'Field technician' },
  hotline_agent: { 'zh-CN': '客服专员', en: 'Hotline agent' },
  sales: { 'zh-CN': '业务员', en: 'Sales' },
  finance: { 'zh-CN': '财务', en: 'Finance' },
  quality: { 'zh-CN': '质量部', en: 'Quality' },
};
