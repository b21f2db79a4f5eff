import { z } from 'zod';
import { equipmentStatuses, type EquipmentStatus } from '../equipment/equipment.schemas.js';
import { warrantyStartEvents, type WarrantyStartEvent } from '../warranty/warranty.schemas.js';
import { equipmentStatusLabels, warrantyStartEventLabels } from './exports.schemas.js';

/** Headers of the unit (装机档案) import. 客户名称 or 客户电话 names the owner; one of them is needed. */
export const equipmentImportColumns = {
  serialNo: '序列号', modelCode: '型号编码', customerName: '客户名称', customerPhone: '客户电话', saleDate: '销售日期',
  deliveryDate: '发货日期', installationDate: '安装日期', acceptanceDate: '验收日期', warrantyStartEvent: '保修起算',
  status: '状态', outletCode: '服务网点编码', notes: '备注',
} as const;
export type EquipmentImportField = keyof typeof equipmentImportColumns;
export const equipmentImportRequired = ['serialNo', 'modelCode', 'saleDate'] as const satisfies readonly EquipmentImportField[];

// What can be imported; the URL segment, the job's kind and the template's name.
export const importKinds = ['customers', 'equipment'] as const;
export const importKindSchema = z.enum(importKinds);
export type ImportKind = z.infer<typeof importKindSchema>;

export const importModeSchema = z.enum(['all-or-nothing', 'valid-only']);
export type ImportMode = z.infer<typeof importModeSchema>;
export const commitImportSchema = z.object({ mode: importModeSchema });
export type CommitImportInput = z.infer<typeof commitImportSchema>;
export const importTokenParamsSchema = z.object({ token: z.uuid() });
// The client may choose the job's token so it can poll the preview's progress while the upload is checked.
export const importPreviewQuerySchema = z.object({ token: z.uuid().optional() });

// checking: the rows of an uploaded file are being checked (processed counts them), then previewed.
export const importJobStatusSchema = z.enum(['checking', 'previewed', 'committing', 'committed', 'failed']);

export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importPreviewSchema = z.object({
  token: z.string(),
  rows: z.number().int(),
  valid: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(importRowErrorSchema), // the first 500
  // Values that must be unique within the file (a serial, a phone) found on more than one row.
  duplicates: z.array(z.object({ column: z.string(), value: z.string(), rows: z.array(z.number().int()) })),
  willCreate: z.number().int(),
  willUpdate: z.number().int(),
  updateRows: z.array(z.number().int()), // the first 500 rows that update an existing record (same serial, same phone)
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importJobSchema = z.object({
  token: z.string(),
  kind: importKindSchema,
  status: importJobStatusSchema,
  fileName: z.string(),
  total: z.number().int(),
  valid: z.number().int(),
  errorCount: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  expiresAt: z.string(),
  createdAt: z.string(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/**
 * A spreadsheet date cell as 'YYYY-MM-DD': a date cell (exceljs gives a Date at UTC midnight of
 * the typed day) or text such as 2025-03-01, 2025/3/1 or 2025.3.1. null when empty, 'invalid' when not a date.
 */
export function parseSheetDate(value: unknown): string | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return 'invalid';
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  if (!m) return 'invalid';
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : 'invalid';
}

function byLabelOrCode<T extends string>(codes: readonly T[], labels: Record<T, string>, text: string): T | undefined {
  const t = text.trim();
  return codes.find((c) => c === t || labels[c] === t || labels[c].replace(/日期$/, '') === t);
}

/** 状态 as typed: the Chinese label (在用) or the code (in_service). */
export const parseEquipmentStatus = (text: string): EquipmentStatus | undefined => byLabelOrCode(equipmentStatuses, equipmentStatusLabels, text);
/** 保修起算 as typed: 销售日期 / 销售 / sale, and so on. */
export const parseWarrantyStartEvent = (text: string): WarrantyStartEvent | undefined => byLabelOrCode(warrantyStartEvents, warrantyStartEventLabels, text);
