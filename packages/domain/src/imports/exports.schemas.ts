import { z } from 'zod';
import type { CustomerKind, CustomerSource } from '../customers/customers.schemas.js';
import { listCustomersQuerySchema } from '../customers/customers.schemas.js';
import type { EquipmentStatus } from '../equipment/equipment.schemas.js';
import { listEquipmentQuerySchema } from '../equipment/equipment.schemas.js';
import type { WarrantyStartEvent } from '../warranty/warranty.schemas.js';

// An export takes the same filters as its list, minus paging: it holds the whole filtered list.
export const exportCustomersQuerySchema = listCustomersQuerySchema.omit({ page: true, pageSize: true });
export type ExportCustomersQuery = z.infer<typeof exportCustomersQuerySchema>;
export const exportEquipmentQuerySchema = listEquipmentQuerySchema.omit({ page: true, pageSize: true });
export type ExportEquipmentQuery = z.infer<typeof exportEquipmentQuerySchema>;

// Chinese labels of the coded values, as people type them in a spreadsheet.
export const customerKindLabels: Record<CustomerKind, string> = { individual: '个人', organization: '单位' };
export const customerSourceLabels: Record<CustomerSource, string> = {
  hotline: '热线', web: '网站', outlet: '网点', sales: '销售', import: '导入', referral: '转介绍', exhibition: '展会', other: '其他',
};
export const equipmentStatusLabels: Record<EquipmentStatus, string> = {
  in_service: '在用', idle: '闲置', under_repair: '维修中', stored: '封存', scrapped: '报废',
};
export const warrantyStartEventLabels: Record<WarrantyStartEvent, string> = { sale: '销售日期', installation: '安装日期', acceptance: '验收日期' };

/** Column headers of the customer export, in sheet order. */
export const customerExportHeaders = [
  '客户名称', '类型', '主要联系人', '电话', '省', '市', '区县', '来源', '标签', '等级', '所属机构', '状态', '创建时间',
] as const;

/** Column headers of the unit (装机档案) export, in sheet order; the import reads the same names. */
export const equipmentExportHeaders = [
  '序列号', '型号编码', '型号名称', '品类', '客户名称', '所属机构', '服务网点', '销售日期', '发货日期', '安装日期', '验收日期', '保修起算', '状态', '备注',
] as const;

/** `客户_20261122.xlsx`: the list's name and the calendar date (YYYY-MM-DD) without dashes. */
export function exportFileName(base: string, localDate: string): string {
  return `${base}_${localDate.replaceAll('-', '')}.xlsx`;
}
