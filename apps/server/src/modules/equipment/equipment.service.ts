import {
  equipmentDateIssues, toShanghaiDate,
  type Contract, type CreateContractInput, type CreateEquipmentInput, type CreateReadingInput, type CreateTransferInput, type Equipment,
  type ListEquipmentQuery, type MainPart, type Page, type Reading, type SiteInput, type Transfer, type UpdateEquipmentInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { EquipmentUnitsTable } from '../../db/schema.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { catalogueErrors } from '../catalogue/catalogue.errors.js';
import { findModel } from '../catalogue/catalogue.repository.js';
import { customerErrors } from '../customers/customers.errors.js';
import { findCustomer } from '../customers/customers.repository.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { equipmentErrors } from './equipment.errors.js';
import { toContract, toEquipment, toReading, toTransfer } from './equipment.mapper.js';
import * as repo from './equipment.repository.js';
import type { UnitRow } from './equipment.repository.js';

// Serials are compared and searched upper-case: nameplates and callers mix cases.
export const normalizeSerial = (serial: string) => serial.trim().toUpperCase();

export async function loadUnit(db: Db, ctx: ServiceContext, id: string): Promise<UnitRow> {
  const row = await repo.findUnit(db, ctx.actor.scope, id);
  if (!row) throw equipmentErrors.EQUIPMENT_NOT_FOUND();
  return row;
}

export async function getEquipment(db: Db, ctx: ServiceContext, id: string): Promise<Equipment> {
  const row = await loadUnit(db, ctx, id);
  return toEquipment(row, (await repo.latestReadings(db, [id])).get(id) ?? null);
}

/** isTotalCapped: a serial search counted only up to repo.SERIAL_SEARCH_TOTAL_CAP matches, `total` is a lower bound. */
export async function listEquipment(db: Db, ctx: ServiceContext, q: ListEquipmentQuery): Promise<Page<Equipment> & { isTotalCapped: boolean }> {
  const { rows, total, isTotalCapped } = await repo.listUnits(db, ctx.actor.scope, q);
  const latest = await repo.latestReadings(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toEquipment(r, latest.get(r.id) ?? null)), total, isTotalCapped, page: q.page, pageSize: q.pageSize };
}

// The owner must be a customer the caller can see (else 404, as if it did not exist).
async function ownerCustomer(db: Db, ctx: ServiceContext, customerId: string, field: string) {
  const customer = await findCustomer(db, ctx.actor.scope, customerId);
  if (!customer) throw customerErrors.CUSTOMER_NOT_FOUND({}, { path: ['body', field] });
  return customer;
}

async function outletOrg(db: Db, ctx: ServiceContext, orgId: string | null | undefined): Promise<string | null> {
  if (!orgId) return null;
  const org = await findOrg(db, ctx.actor.scope, orgId);
  if (!org) throw orgErrors.ORG_NOT_FOUND({}, { path: ['body', 'outletOrgId'] });
  return org.id;
}

async function productModel(db: Db, modelId: string) {
  const model = await findModel(db, modelId);
  if (!model) throw catalogueErrors.MODEL_NOT_FOUND({}, { path: ['body', 'modelId'] });
  return model;
}

function siteColumns(site: SiteInput | null | undefined) {
  return {
    site_address: site?.address ?? null, site_province_code: site?.provinceCode ?? null,
    site_city_code: site?.cityCode ?? null, site_county_code: site?.countyCode ?? null,
  };
}

function checkDates(u: Pick<EquipmentUnitsTable, 'sale_date' | 'delivery_date' | 'installation_date' | 'acceptance_date'>) {
  const [issue] = equipmentDateIssues({ saleDate: u.sale_date, deliveryDate: u.delivery_date, installationDate: u.installation_date, acceptanceDate: u.acceptance_date });
  if (!issue) return;
  const field = issue.path[0] ?? '';
  throw equipmentErrors.EQUIPMENT_DATES_OUT_OF_ORDER({ field, previous: issue.message.replace('must not be before ', '') }, { path: ['body', field] });
}

export async function createEquipment(db: Db, ctx: ServiceContext, input: CreateEquipmentInput): Promise<Equipment> {
  return db.transaction().execute(async (trx) => {
    const customer = await ownerCustomer(trx, ctx, input.customerId, 'customerId');
    await productModel(trx, input.modelId);
    const serialNo = normalizeSerial(input.serialNo);
    if (await repo.isSerialTaken(trx, serialNo)) throw equipmentErrors.SERIAL_NO_TAKEN({ serialNo }, { path: ['body', 'serialNo'] });
    const id = newId();
    const now = ctx.now.toISOString();
    await repo.insertUnit(trx, {
      id, serial_no: serialNo, model_id: input.modelId, customer_id: customer.id, outlet_org_id: await outletOrg(trx, ctx, input.outletOrgId),
      ...siteColumns(input.site), sale_date: input.saleDate, delivery_date: input.deliveryDate ?? null,
      installation_date: input.installationDate ?? null, acceptance_date: input.acceptanceDate ?? null,
      warranty_start_event: input.warrantyStartEvent ?? null, status: input.status, notes: input.notes || null,
      version: 1, created_at: now, updated_at: now,
    });
    const after = await getEquipment(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: customer.org_path, action: 'create', after });
    return after;
  });
}

export async function updateEquipment(db: Db, ctx: ServiceContext, id: string, input: UpdateEquipmentInput): Promise<Equipment> {
  return db.transaction().execute(async (trx) => {
    const row = await loadUnit(trx, ctx, id);
    const before = toEquipment(row, null);
    const patch: Partial<EquipmentUnitsTable> = { updated_at: ctx.now.toISOString() };
    if (input.modelId !== undefined && input.modelId !== row.model_id) patch.model_id = (await productModel(trx, input.modelId)).id;
    if (input.outletOrgId !== undefined) patch.outlet_org_id = await outletOrg(trx, ctx, input.outletOrgId);
    if (input.site !== undefined) Object.assign(patch, siteColumns(input.site));
    if (input.saleDate !== undefined) patch.sale_date = input.saleDate;
    if (input.deliveryDate !== undefined) patch.delivery_date = input.deliveryDate;
    if (input.installationDate !== undefined) patch.installation_date = input.installationDate;
    if (input.acceptanceDate !== undefined) patch.acceptance_date = input.acceptanceDate;
    if (input.warrantyStartEvent !== undefined) patch.warranty_start_event = input.warrantyStartEvent;
    if (input.status !== undefined) patch.status = input.status;
    if (input.notes !== undefined) patch.notes = input.notes || null;
    checkDates({ ...row, ...patch });
    if (!(await repo.updateUnit(trx, id, input.version, patch))) throw httpErrors.VERSION_CONFLICT();
    const after = await getEquipment(trx, ctx, id);
    await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: row.org_path, action: 'update', before, after: { ...after, latestReading: null } });
    return after;
  });
}

// ── Meter readings ───────────────────────────────────────────────────────────────────────────
export async function listReadings(db: Db, ctx: ServiceContext, id: string): Promise<{ items: Reading[] }> {
  await loadUnit(db, ctx, id);
  return { items: (await repo.listReadings(db, id)).map(toReading) };
}

export async function addReading(db: Db, ctx: ServiceContext, id: string, input: CreateReadingInput): Promise<Reading> {
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, ctx, id);
    if (unit.meter_kind === 'none') throw equipmentErrors.METER_NOT_TRACKED();
    if (input.date > toShanghaiDate(ctx.now.toISOString())) throw equipmentErrors.READING_IN_FUTURE({}, { path: ['body', 'date'] });
    if (input.date < unit.sale_date) throw equipmentErrors.READING_BEFORE_SALE({}, { path: ['body', 'date'] });
    // Meters only count up: a reading must not be below any earlier one nor above any later one.
    const { before, after } = await repo.readingNeighbours(trx, id, input.date);
    if (before && input.value < Number(before.value)) {
      throw equipmentErrors.READING_DECREASES({ value: input.value, previous: Number(before.value), date: before.reading_date }, { path: ['body', 'value'] });
    }
    if (after && input.value > Number(after.value)) {
      throw equipmentErrors.READING_EXCEEDS_LATER({ value: input.value, next: Number(after.value), date: after.reading_date }, { path: ['body', 'value'] });
    }
    const row = {
      id: newId(), unit_id: id, reading_date: input.date, value: input.value, note: input.note || null,
      recorded_by: ctx.actor.name, created_at: ctx.now.toISOString(),
    };
    await repo.insertReading(trx, row);
    const reading = toReading(row);
    await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: unit.org_path, action: 'update', after: { reading } });
    return reading;
  });
}

// ── Ownership transfers ──────────────────────────────────────────────────────────────────────
export async function listTransfers(db: Db, ctx: ServiceContext, id: string): Promise<{ items: Transfer[] }> {
  await loadUnit(db, ctx, id);
  return { items: (await repo.listTransfers(db, id)).map(toTransfer) };
}

/** 过户: the owner changes and the change is kept; the unit follows its new owner's scope. */
export async function transferOwnership(db: Db, ctx: ServiceContext, id: string, input: CreateTransferInput): Promise<Equipment> {
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, ctx, id);
    const to = await ownerCustomer(trx, ctx, input.toCustomerId, 'toCustomerId');
    if (to.id === unit.customer_id) throw equipmentErrors.TRANSFER_SAME_OWNER({}, { path: ['body', 'toCustomerId'] });
    const last = (await repo.latestTransferDate(trx, id)) ?? unit.sale_date;
    if (input.date < last) throw equipmentErrors.TRANSFER_BEFORE_SALE({}, { path: ['body', 'date'] });
    const now = ctx.now.toISOString();
    if (!(await repo.updateUnit(trx, id, input.version, { customer_id: to.id, updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    await repo.insertTransfer(trx, {
      id: newId(), unit_id: id, from_customer_id: unit.customer_id, to_customer_id: to.id, transfer_date: input.date,
      note: input.note || null, recorded_by: ctx.actor.name, created_at: now,
    });
    const change = { date: input.date, fromCustomerId: unit.customer_id, toCustomerId: to.id, note: input.note ?? null };
    // Recorded under both owners' nodes so either side's auditors see it.
    await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: unit.org_path, action: 'update', before: { customerId: unit.customer_id }, after: { transfer: change } });
    if (to.org_path !== unit.org_path) {
      await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: to.org_path, action: 'update', before: { customerId: unit.customer_id }, after: { transfer: change } });
    }
    return getEquipment(trx, ctx, id);
  });
}

// ── Service contracts (维保合同 / 延保) ─────────────────────────────────────────────────────
export async function listContracts(db: Db, ctx: ServiceContext, id: string): Promise<{ items: Contract[] }> {
  await loadUnit(db, ctx, id);
  return { items: (await repo.listContracts(db, id)).map(toContract) };
}

export async function addContract(db: Db, ctx: ServiceContext, id: string, input: CreateContractInput): Promise<Contract> {
  return db.transaction().execute(async (trx) => {
    const unit = await loadUnit(trx, ctx, id);
    const mainParts = (JSON.parse(unit.main_parts_json) as MainPart[]).map((p) => p.name);
    (input.coveredParts ?? []).forEach((part, i) => {
      if (!mainParts.includes(part)) throw equipmentErrors.CONTRACT_PART_UNKNOWN({ part }, { path: ['body', 'coveredParts', i] });
    });
    if (input.usageLimit !== undefined && unit.meter_kind === 'none') throw equipmentErrors.CONTRACT_USAGE_WITHOUT_METER({}, { path: ['body', 'usageLimit'] });
    const row = {
      id: newId(), unit_id: id, kind: input.kind, contract_no: input.contractNo, name: input.name, start_date: input.startDate,
      end_date: input.endDate, covered_parts_json: input.coveredParts?.length ? JSON.stringify(input.coveredParts) : null,
      usage_limit: input.usageLimit ?? null, price_fen: input.priceFen ?? null, created_at: ctx.now.toISOString(),
    };
    await repo.insertContract(trx, row);
    const contract = toContract(row);
    await recordAudit(trx, ctx, { entityType: 'equipment', entityId: id, orgPath: unit.org_path, action: 'update', after: { contract } });
    return contract;
  });
}
