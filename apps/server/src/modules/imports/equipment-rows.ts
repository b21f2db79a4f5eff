import {
  createEquipmentSchema, equipmentImportColumns as COL, normalizePhone, parseEquipmentStatus, parseSheetDate, parseWarrantyStartEvent,
  type EquipmentStatus, type EquipmentImportField, type WarrantyStartEvent,
} from '@sht/domain';
import type { CheckedRow, ImportRow, StoredRowError } from './import-spec.js';
import { cellText as text, type SheetRow } from './imports.xlsx.js';

/** A validated row, ready to write; kept in the job between preview and commit. */
export type UnitImportRow = ImportRow & {
  serialNo: string; modelId: string; customerId: string; outletOrgId: string | null;
  saleDate: string; deliveryDate: string | null; installationDate: string | null; acceptanceDate: string | null;
  warrantyStartEvent: WarrantyStartEvent | null; status: EquipmentStatus; notes: string | null;
};

/** What the database knows about the values of a file, looked up in bulk beforehand. */
export type UnitLookups = {
  models: Map<string, string>; // code → id
  customersByName: Map<string, string[]>; // name → ids in scope
  customersByPhone: Map<string, string[]>; // digits → ids in scope
  outlets: Map<string, string>; // code → id in scope
  units: Map<string, { id: string; customerId: string; inScope: boolean }>; // serial → unit
};

const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000'; // lets the schema check a row whose references failed

export const serialOf = (r: SheetRow): string | null => text(r.cells.get(COL.serialNo))?.toUpperCase() ?? null;

/** Checks one row; returns the row to write, or the errors that keep it out. */
export function validateUnitRow(r: SheetRow, look: UnitLookups): CheckedRow<UnitImportRow> {
  const errors: StoredRowError[] = [];
  const fail = (field: EquipmentImportField, zh: string, en: string) => errors.push({ row: r.row, column: COL[field], zh, en });
  const get = (field: EquipmentImportField) => text(r.cells.get(COL[field]));
  const date = (field: EquipmentImportField): string | null => {
    const d = parseSheetDate(r.cells.get(COL[field]));
    if (d === 'invalid') fail(field, `日期无效:${get(field)}`, `Not a date: ${get(field)}`);
    return d === 'invalid' ? null : d;
  };

  const serialNo = serialOf(r);
  const modelCode = get('modelCode');
  const modelId = modelCode ? look.models.get(modelCode) : undefined;
  if (modelCode && !modelId) fail('modelCode', `型号编码不存在:${modelCode}`, `Unknown model code: ${modelCode}`);
  const customerId = resolveCustomer(get('customerName'), get('customerPhone'), look, fail);
  const outletCode = get('outletCode');
  const outletOrgId = outletCode ? look.outlets.get(outletCode) ?? null : null;
  if (outletCode && !outletOrgId) fail('outletCode', `服务网点编码不存在:${outletCode}`, `Unknown outlet code: ${outletCode}`);
  const statusText = get('status');
  const status = statusText ? parseEquipmentStatus(statusText) : 'in_service';
  if (!status) fail('status', `状态无效:${statusText}`, `Unknown status: ${statusText}`);
  const startText = get('warrantyStartEvent');
  const warrantyStartEvent = startText ? parseWarrantyStartEvent(startText) ?? null : null;
  if (startText && !warrantyStartEvent) fail('warrantyStartEvent', `保修起算无效:${startText}`, `Unknown warranty start: ${startText}`);
  const dates = { saleDate: date('saleDate'), deliveryDate: date('deliveryDate'), installationDate: date('installationDate'), acceptanceDate: date('acceptanceDate') };

  const input = {
    serialNo: serialNo ?? '', modelId: modelId ?? PLACEHOLDER_ID, customerId: customerId ?? PLACEHOLDER_ID, outletOrgId, ...dates,
    saleDate: dates.saleDate ?? (errors.some((e) => e.column === COL.saleDate) ? '2000-01-01' : ''), warrantyStartEvent,
    status: status ?? 'in_service', notes: get('notes') ?? undefined,
  };
  const parsed = createEquipmentSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const column = typeof field === 'string' && field in COL ? COL[field as EquipmentImportField] : COL.serialNo;
      const missing = input[field as keyof typeof input] === '' || input[field as keyof typeof input] === undefined;
      if (missing) errors.push({ row: r.row, column, zh: '必填', en: 'Required' });
      else if (issue.code === 'custom') errors.push({ row: r.row, column, zh: `日期顺序不正确:${issue.message.replace('must not be before', '不能早于')}`, en: issue.message });
      else errors.push({ row: r.row, column, zh: '取值不合法', en: issue.message });
    }
  }

  const existing = serialNo ? look.units.get(serialNo) : undefined;
  if (existing && !existing.inScope) fail('serialNo', `序列号 ${serialNo} 已由其他机构登记`, `Serial ${serialNo} is registered by another organisation`);
  else if (existing && customerId && existing.customerId !== customerId) {
    fail('customerName', '机主与已登记的不同,变更机主请办理过户', 'The owner differs from the registered one; change owners through a transfer');
  }
  if (errors.length > 0 || !parsed.success || !modelId || !customerId || !status) return { row: null, errors };
  const u = parsed.data;
  return {
    row: {
      row: r.row, serialNo: u.serialNo.toUpperCase(), modelId, customerId, outletOrgId, saleDate: u.saleDate, deliveryDate: u.deliveryDate ?? null,
      installationDate: u.installationDate ?? null, acceptanceDate: u.acceptanceDate ?? null, warrantyStartEvent, status, notes: u.notes || null,
      existingId: existing?.id ?? null,
    },
    errors,
  };
}

function resolveCustomer(name: string | null, phone: string | null, look: UnitLookups, fail: (f: EquipmentImportField, zh: string, en: string) => void): string | null {
  // The phone names one person more surely than the name; out-of-scope customers read as unknown.
  const [ids, field, value] = phone ? [look.customersByPhone.get(normalizePhone(phone)), 'customerPhone' as const, phone] : [name ? look.customersByName.get(name) : undefined, 'customerName' as const, name];
  if (!value) {
    fail('customerName', '必填(客户名称或客户电话)', 'Required (customer name or phone)');
    return null;
  }
  const unique = [...new Set(ids ?? [])];
  if (unique.length === 0) fail(field, `客户不存在:${value}`, `Unknown customer: ${value}`);
  if (unique.length > 1) fail(field, `有多个客户匹配 ${value},请用客户电话区分`, `Several customers match ${value}; use the phone instead`);
  return unique.length === 1 ? (unique[0] ?? null) : null;
}
