import {
  can, compensationFor, computeChargeSheet, type CatalogPart, type Locale, type RepairCoverage, type ServiceReport, type ServiceReportInput, type WorkOrderStatus,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { unitWarrantyOnDate } from '../equipment/equipment.warranty.service.js';
import { workOrderErrors } from './workorders.errors.js';
import { findCompensationStandard } from './workorders.policies.service.js';
import * as repo from './workorders.repository.js';

export type ReportOptions = { rates: { labourFenPerHour: number; travelFenPerKm: number } };

// The report can be written from dispatch until the customer has confirmed; then it is the record.
const editable: readonly WorkOrderStatus[] = ['accepted', 'dispatched', 'travelling', 'on_site', 'waiting_parts', 'waiting_customer', 'resolved'];

async function loadOrder(db: Db, ctx: ServiceContext, id: string) {
  const row = await repo.findOrder(db, ctx.actor.scope, ctx.actor.userId, id);
  if (!row) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  return row;
}

export async function getServiceReport(db: Db, ctx: ServiceContext, id: string): Promise<ServiceReport> {
  await loadOrder(db, ctx, id);
  const row = await db.selectFrom('work_order_reports').select('report_json').where('work_order_id', '=', id).executeTakeFirst();
  if (!row) throw workOrderErrors.REPORT_NOT_FOUND();
  return JSON.parse(row.report_json) as ServiceReport;
}

async function catalogParts(db: Db, input: ServiceReportInput): Promise<CatalogPart[]> {
  const ids = [...new Set(input.parts.map((p) => p.partId))];
  const rows = ids.length === 0 ? [] : await db.selectFrom('spare_parts').selectAll().where('id', 'in', ids).where('is_active', '=', 1).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return input.parts.map((p, index) => {
    const part = byId.get(p.partId);
    if (!part) throw workOrderErrors.PART_NOT_FOUND({}, { path: ['body', 'parts', String(index), 'partId'] });
    return { id: part.id, code: part.code, name: part.name, priceFen: Number(part.price_fen), isWearPart: Boolean(part.is_wear_part), quantity: p.quantity, oldPartReturned: p.oldPartReturned };
  });
}

/** Writes (or rewrites) the on-site report; coverage at the fault date decides what is free. */
export async function saveServiceReport(db: Db, ctx: ServiceContext, id: string, input: ServiceReportInput, opts: ReportOptions, locale: Locale): Promise<ServiceReport> {
  return db.transaction().execute(async (trx) => {
    const order = await loadOrder(trx, ctx, id);
    const isAssignee = order.assignee_id === ctx.actor.userId && can(ctx.actor.roles, 'workorder.field');
    if (!isAssignee && !can(ctx.actor.roles, 'workorder.write')) throw workOrderErrors.ACTION_FORBIDDEN({ action: 'report' });
    if (!editable.includes(order.status)) throw workOrderErrors.REPORT_LOCKED({ status: order.status });
    if (order.version !== input.version) throw httpErrors.VERSION_CONFLICT();
    const parts = await catalogParts(trx, input);

    let coverage: (RepairCoverage & { faultDate: string; summary: string }) | null = null;
    if (order.equipment_id) {
      const unit = await trx
        .selectFrom('equipment_units')
        .innerJoin('product_models', 'product_models.id', 'equipment_units.model_id')
        .select('product_models.main_parts_json')
        .where('equipment_units.id', '=', order.equipment_id)
        .executeTakeFirstOrThrow();
      const mainParts = (JSON.parse(unit.main_parts_json) as { name: string }[]).map((p) => p.name);
      if (input.mainPartReplaced && !mainParts.includes(input.mainPartReplaced)) {
        throw workOrderErrors.MAIN_PART_UNKNOWN({ part: input.mainPartReplaced }, { path: ['body', 'mainPartReplaced'] });
      }
      const warranty = await unitWarrantyOnDate(trx, order.equipment_id, order.fault_date, locale);
      if (warranty) {
        coverage = {
          faultDate: order.fault_date,
          summary: warranty.summary,
          wholeUnit: warranty.result.wholeUnit.applies,
          mainParts: warranty.result.mainParts.filter((c) => c.applies).map((c) => c.label),
          contract: warranty.result.contracts.some((c) => c.applies),
          wearParts: warranty.wearParts,
        };
      }
    }
    if (input.signatureAttachmentId) {
      const signature = await trx
        .selectFrom('attachments')
        .select('id')
        .where('id', '=', input.signatureAttachmentId)
        .where('owner_type', '=', 'work_order')
        .where('owner_id', '=', id)
        .where('purpose', '=', 'signature')
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!signature) throw workOrderErrors.SIGNATURE_NOT_FOUND({}, { path: ['body', 'signatureAttachmentId'] });
    }
    const sheet = (compensationFen: number) => computeChargeSheet({
      parts, mainPart: input.mainPartReplaced ?? null, labourHours: input.labourHours, travelKm: input.travelKm, rates: opts.rates,
      coverage, liability: input.liability, compensationFen,
    });
    // A published standard decides the compensation from the liability and the repair's value.
    let compensationFen = input.compensationFen;
    let standard: { id: string; name: string } | null = null;
    if (input.compensationStandardId) {
      const found = await findCompensationStandard(trx, input.compensationStandardId);
      if (!found || !found.active) throw workOrderErrors.COMPENSATION_STANDARD_NOT_FOUND({}, { path: ['body', 'compensationStandardId'] });
      const repairValue = sheet(0).lines.reduce((sum, l) => sum + l.amountFen, 0);
      const amount = compensationFor(found, input.liability, repairValue);
      if (amount === null) throw workOrderErrors.COMPENSATION_NOT_APPLICABLE({ name: found.name, liability: input.liability }, { path: ['body', 'compensationStandardId'] });
      compensationFen = amount;
      standard = { id: found.id, name: found.name };
    }
    const charges = sheet(compensationFen);
    const now = ctx.now.toISOString();
    const report: ServiceReport = {
      parts: parts.map((p) => ({ partId: p.id, code: p.code, name: p.name, quantity: p.quantity, priceFen: p.priceFen, isWearPart: p.isWearPart, oldPartReturned: p.oldPartReturned })),
      mainPartReplaced: input.mainPartReplaced ?? null,
      faultCode: input.faultCode ?? null,
      isSeriousFault: input.isSeriousFault,
      labourHours: input.labourHours,
      travelKm: input.travelKm,
      testRun: input.testRun ?? null,
      liability: input.liability,
      compensationFen,
      compensationStandard: standard,
      compensationNote: input.compensationNote || null,
      signatureAttachmentId: input.signatureAttachmentId ?? null,
      coverage: coverage && { faultDate: coverage.faultDate, summary: coverage.summary, wholeUnit: coverage.wholeUnit, mainParts: [...coverage.mainParts], contract: coverage.contract },
      charges,
      submittedBy: ctx.actor.name,
      updatedAt: now,
    };
    // The report is part of the order: it moves the order's version, so two editors cannot both win.
    if (!(await repo.updateOrder(trx, id, input.version, { updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    const existing = await trx.selectFrom('work_order_reports').select('created_at').where('work_order_id', '=', id).executeTakeFirst();
    const values = {
      report_json: JSON.stringify(report), liability: input.liability, is_warranty_repair: bool(charges.isWarrantyRepair),
      charged_fen: charges.chargedFen, submitted_by: ctx.actor.userId, updated_at: now,
    };
    if (existing) await trx.updateTable('work_order_reports').set(values).where('work_order_id', '=', id).execute();
    else await trx.insertInto('work_order_reports').values({ work_order_id: id, created_at: now, ...values }).execute();
    await trx.deleteFrom('work_order_parts').where('work_order_id', '=', id).execute();
    const partLines = charges.lines.filter((l) => l.kind === 'part');
    if (parts.length > 0) {
      await trx.insertInto('work_order_parts').values(parts.map((p, i) => ({
        id: newId(), work_order_id: id, part_id: p.id, quantity: p.quantity, price_fen: p.priceFen,
        is_free: bool(partLines[i]?.free ?? false), old_part_returned: bool(p.oldPartReturned),
      }))).execute();
    }
    await recordAudit(trx, ctx, { entityType: 'work_order', entityId: id, orgPath: order.org_path, action: 'update', after: { report: { ...report, coverage: undefined } } });
    return report;
  });
}
