import { equipmentImportColumns as COL, equipmentImportRequired, isPathInScope, normalizePhone } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { serialOf, validateUnitRow, type UnitImportRow, type UnitLookups } from './equipment-rows.js';
import { columnTexts, distinct, group, type ImportSpec } from './import-spec.js';
import * as repo from './imports.repository.js';
import type { Sheet } from './imports.xlsx.js';

async function lookUp(db: Db, ctx: ServiceContext, sheet: Sheet): Promise<UnitLookups> {
  const scope = ctx.actor.scope;
  const units = await repo.findUnitsBySerial(db, distinct(sheet.rows.map(serialOf)));
  return {
    models: new Map((await repo.findModelsByCode(db, columnTexts(sheet, COL.modelCode))).map((m) => [m.code, m.id])),
    customersByName: group((await repo.findCustomersByName(db, scope, columnTexts(sheet, COL.customerName))).map((c) => [c.name, c.id])),
    customersByPhone: group((await repo.findCustomersByPhone(db, scope, distinct(columnTexts(sheet, COL.customerPhone).map(normalizePhone)))).map((c) => [c.digits, c.id])),
    outlets: new Map((await repo.findOrgsByCode(db, scope, columnTexts(sheet, COL.outletCode))).map((o) => [o.code, o.id])),
    units: new Map(units.map((u) => [u.serial_no, { id: u.id, customerId: u.customer_id, inScope: isPathInScope(scope, u.org_path) }])),
  };
}

/** Writes rows in the caller's transaction; a serial already registered is updated in place. */
async function writeUnits(db: Db, ctx: ServiceContext, rows: readonly UnitImportRow[]): Promise<{ created: number; updated: number }> {
  const now = ctx.now.toISOString();
  const existing = await repo.findRegisteredSerials(db, rows.map((r) => r.serialNo));
  const fields = (r: UnitImportRow) => ({
    model_id: r.modelId, outlet_org_id: r.outletOrgId, site_address: null, site_province_code: null, site_city_code: null, site_county_code: null,
    sale_date: r.saleDate, delivery_date: r.deliveryDate, installation_date: r.installationDate, acceptance_date: r.acceptanceDate,
    warranty_start_event: r.warrantyStartEvent, status: r.status, notes: r.notes, updated_at: now,
  });
  const fresh = rows.filter((r) => !existing.has(r.serialNo));
  for (const r of rows) if (existing.has(r.serialNo)) await repo.updateUnitBySerial(db, r.serialNo, fields(r));
  await repo.insertUnits(db, fresh.map((r) => ({ id: newId(), serial_no: r.serialNo, customer_id: r.customerId, version: 1, created_at: now, ...fields(r) })));
  return { created: fresh.length, updated: rows.length - fresh.length };
}

/** 装机档案: units by serial; a serial already registered is updated (its owner changes only through a transfer). */
export const equipmentImport: ImportSpec<UnitImportRow> = {
  kind: 'equipment',
  permission: 'equipment.write',
  template: { sheetName: '装机档案', headers: Object.values(COL), required: [...equipmentImportRequired.map((f) => COL[f]), COL.customerName] },
  missingColumns(headers) {
    const missing: string[] = equipmentImportRequired.map((f) => COL[f]).filter((h) => !headers.has(h));
    if (!headers.has(COL.customerName) && !headers.has(COL.customerPhone)) missing.push(`${COL.customerName}/${COL.customerPhone}`);
    return missing;
  },
  uniqueKey: { column: COL.serialNo, zh: '序列号', en: 'Serial', of: (r) => distinct([serialOf(r)]) },
  async prepare(db, ctx, sheet) {
    const look = await lookUp(db, ctx, sheet);
    return (r) => validateUnitRow(r, look);
  },
  write: writeUnits,
};
