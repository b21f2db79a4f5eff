import {
  allScope, computeWarranty, renderWarrantyCoverage, renderWarrantySummary, toShanghaiDate,
  type EquipmentWarranty, type Locale, type PublicWarranty, type ServiceReport, type WarrantyContract, type WarrantyPolicy, type WarrantyRepair, type WarrantyResult,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext, ServiceContext } from '../../context.js';
import type { EquipmentUnitsTable } from '../../db/schema.js';
import { parsePolicy } from '../catalogue/catalogue.service.js';
import { equipmentErrors } from './equipment.errors.js';
import { toContract } from './equipment.mapper.js';
import * as repo from './equipment.repository.js';
import { loadUnit, normalizeSerial } from './equipment.service.js';
import { repairsOfUnit } from '../workorders/workorders.repository.js';

type WarrantyUnitRow = Pick<EquipmentUnitsTable, 'id' | 'serial_no' | 'sale_date' | 'installation_date' | 'acceptance_date' | 'warranty_start_event'>
  & { model_code: string; model_policy_json: string | null; category_policy_json: string | null };

// A model's own policy overrides its category's.
function effectivePolicy(u: WarrantyUnitRow): { policy: WarrantyPolicy; source: 'model' | 'category' } {
  const own = parsePolicy(u.model_policy_json);
  if (own) return { policy: own, source: 'model' };
  const inherited = parsePolicy(u.category_policy_json);
  if (inherited) return { policy: inherited, source: 'category' };
  throw equipmentErrors.WARRANTY_POLICY_MISSING({ model: u.model_code });
}

async function compute(db: Db, u: WarrantyUnitRow, policy: WarrantyPolicy, queryDate: string): Promise<WarrantyResult> {
  // Three independent reads: on PostgreSQL they go out on separate pool connections at once.
  const [readingRows, contractRows, repairs] = await Promise.all([repo.listReadings(db, u.id), repo.listContracts(db, u.id), repairHistory(db, u.id, queryDate)]);
  const readings = readingRows.map((r) => ({ date: r.reading_date, value: Number(r.value) }));
  const contracts: WarrantyContract[] = contractRows.map(toContract).map((c) => ({
    id: c.id, kind: c.kind, name: c.name, startDate: c.startDate, endDate: c.endDate,
    ...(c.coveredParts ? { coveredParts: c.coveredParts } : {}),
    // A usage limit means nothing under a policy that counts no usage.
    ...(c.usageLimit !== null && policy.usageUnit ? { usageLimit: c.usageLimit } : {}),
  }));
  return computeWarranty({
    unit: {
      serialNo: u.serial_no, saleDate: u.sale_date,
      ...(u.installation_date ? { installationDate: u.installation_date } : {}),
      ...(u.acceptance_date ? { acceptanceDate: u.acceptance_date } : {}),
      ...(u.warranty_start_event ? { startEvent: u.warranty_start_event } : {}),
    },
    policy,
    readings,
    repairs,
    contracts,
    queryDate,
  });
}

/**
 * The unit's repair work orders as the engine's repair history: sent in on the fault date, back on
 * the (Shanghai) day it was resolved; the report says whether it was a warranty repair, which
 * main part was replaced and the fault code the repeated-repair rules compare.
 */
async function repairHistory(db: Db, unitId: string, queryDate: string): Promise<WarrantyRepair[]> {
  const repairs: WarrantyRepair[] = [];
  for (const r of await repairsOfUnit(db, unitId)) {
    if (r.fault_date > queryDate) continue;
    const report = r.report_json ? (JSON.parse(r.report_json) as Partial<ServiceReport>) : null;
    const endDate = r.resolved_at ? toShanghaiDate(new Date(r.resolved_at).toISOString()) : undefined;
    repairs.push({
      id: r.number,
      faultCode: report?.faultCode ?? r.fault_category ?? r.title,
      isSerious: report?.isSeriousFault ?? false,
      ...(report?.mainPartReplaced ? { mainPart: report.mainPartReplaced, isMainPartReplacement: true } : {}),
      isWarrantyRepair: r.is_warranty_repair === null ? true : Boolean(r.is_warranty_repair),
      startDate: r.fault_date,
      ...(endDate && endDate >= r.fault_date && endDate <= queryDate ? { endDate } : {}),
    });
  }
  return repairs;
}

const allCoverages = (r: WarrantyResult) => [r.returnWindow, r.replaceWindow, r.wholeUnit, ...r.mainParts, ...r.contracts, ...r.repeatedRepair];

/** The unit's 三包 status on a date (default: today in Asia/Shanghai), explained in the caller's language. */
export async function getEquipmentWarranty(db: Db, ctx: ServiceContext, id: string, date: string | undefined, locale: Locale): Promise<EquipmentWarranty> {
  const unit = await loadUnit(db, ctx, id);
  const { policy, source } = effectivePolicy(unit);
  const result = await compute(db, unit, policy, date ?? toShanghaiDate(ctx.now.toISOString()));
  return {
    unitId: unit.id,
    serialNo: unit.serial_no,
    policyName: policy.name,
    policySource: source,
    summary: renderWarrantySummary(result, locale),
    result,
    coverages: allCoverages(result).map((c) => ({ ...c, explanation: renderWarrantyCoverage(c, locale) })),
    repairHistoryIncluded: true,
  };
}

/**
 * The unit's 三包 status on a date for pricing a repair. No scope check here: the caller has
 * already been allowed to see the work order the unit belongs to. Null when the model has no policy.
 */
export async function unitWarrantyOnDate(db: Db, unitId: string, date: string, locale: Locale): Promise<{ result: WarrantyResult; summary: string; wearParts: string[] } | null> {
  const unit = await repo.findUnit(db, allScope, unitId);
  if (!unit) return null;
  const own = parsePolicy(unit.model_policy_json) ?? parsePolicy(unit.category_policy_json);
  if (!own) return null;
  const result = await compute(db, unit, own, date);
  return { result, summary: renderWarrantySummary(result, locale), wearParts: own.exclusions.wearParts };
}

/** Public check by serial: today's status with the model name only — no owner, site or contact. */
export async function checkWarrantyPublic(db: Db, ctx: AnonymousContext, serial: string, locale: Locale): Promise<PublicWarranty> {
  const unit = await repo.findUnitForPublicCheck(db, normalizeSerial(serial));
  if (!unit) throw equipmentErrors.EQUIPMENT_NOT_FOUND();
  const { policy } = effectivePolicy(unit);
  const result = await compute(db, unit, policy, toShanghaiDate(ctx.now.toISOString()));
  return {
    serialNo: unit.serial_no,
    modelName: unit.model_name,
    status: result.status,
    until: result.until,
    summary: renderWarrantySummary(result, locale),
    coverages: allCoverages(result).map((c) => ({ kind: c.kind, label: c.label, applies: c.applies, until: c.until, explanation: renderWarrantyCoverage(c, locale) })),
  };
}
