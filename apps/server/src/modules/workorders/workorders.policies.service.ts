import type { CompensationStandard, CompensationStandardInput, SlaPolicy, SlaPolicyInput } from '@sht/domain';
import type { z } from 'zod';
import type { updateSlaPolicySchema } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import type { CompensationStandardsTable, SlaPoliciesTable } from '../../db/schema.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { workOrderErrors } from './workorders.errors.js';
import { toSlaPolicy } from './workorders.mapper.js';
import * as repo from './workorders.repository.js';
import { invalidateSlaPolicyCache } from './workorders.sla.service.js';

// SLA promises (HQ policy). A change applies to orders taken afterwards: each order keeps a copy
// of the promise it was taken under, so running deadlines never move.

export async function listSlaPolicies(db: Db): Promise<{ items: SlaPolicy[] }> {
  return { items: (await repo.listSlaPolicies(db)).map(toSlaPolicy) };
}

export async function createSlaPolicy(db: Db, ctx: ServiceContext, input: SlaPolicyInput): Promise<SlaPolicy> {
  const policy = await db.transaction().execute(async (trx) => {
    const now = ctx.now.toISOString();
    const id = newId();
    await trx.insertInto('sla_policies').values({
      id, name: input.name, type: input.type, priority: input.priority, service_level: input.serviceLevel, response_minutes: input.responseMinutes,
      arrival_minutes: input.arrivalMinutes, resolution_minutes: input.resolutionMinutes, all_hours: bool(input.allHours), warn_share: input.warnShare,
      is_active: bool(input.active), version: 1, created_at: now, updated_at: now,
    }).execute();
    const policy = toSlaPolicy((await repo.findSlaPolicy(trx, id))!);
    await recordAudit(trx, ctx, { entityType: 'sla_policy', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after: policy });
    return policy;
  });
  invalidateSlaPolicyCache(db);
  return policy;
}

export async function updateSlaPolicy(db: Db, ctx: ServiceContext, id: string, input: z.infer<typeof updateSlaPolicySchema>): Promise<SlaPolicy> {
  const policy = await db.transaction().execute(async (trx) => {
    const row = await repo.findSlaPolicy(trx, id);
    if (!row) throw workOrderErrors.SLA_POLICY_NOT_FOUND();
    const patch: Partial<SlaPoliciesTable> = { updated_at: ctx.now.toISOString(), version: input.version + 1 };
    if (input.name !== undefined) patch.name = input.name;
    if (input.type !== undefined) patch.type = input.type;
    if (input.priority !== undefined) patch.priority = input.priority;
    if (input.serviceLevel !== undefined) patch.service_level = input.serviceLevel;
    if (input.responseMinutes !== undefined) patch.response_minutes = input.responseMinutes;
    if (input.arrivalMinutes !== undefined) patch.arrival_minutes = input.arrivalMinutes;
    if (input.resolutionMinutes !== undefined) patch.resolution_minutes = input.resolutionMinutes;
    if (input.allHours !== undefined) patch.all_hours = bool(input.allHours);
    if (input.warnShare !== undefined) patch.warn_share = input.warnShare;
    if (input.active !== undefined) patch.is_active = bool(input.active);
    const res = await trx.updateTable('sla_policies').set(patch).where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw httpErrors.VERSION_CONFLICT();
    const policy = toSlaPolicy((await repo.findSlaPolicy(trx, id))!);
    await recordAudit(trx, ctx, { entityType: 'sla_policy', entityId: id, orgPath: ctx.actor.orgPath, action: 'update', before: toSlaPolicy(row), after: policy });
    return policy;
  });
  invalidateSlaPolicyCache(db);
  return policy;
}

// ── Compensation standards (赔偿标准) ──────────────────────────────────────────────────────────

const toStandard = (r: CompensationStandardsTable): CompensationStandard => ({
  id: r.id, code: r.code, name: r.name, liability: r.liability, kind: r.kind, amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
  percent: r.percent === null ? null : Number(r.percent), active: Boolean(r.is_active), version: r.version,
});

export async function listCompensationStandards(db: Db): Promise<{ items: CompensationStandard[] }> {
  const rows = await db.selectFrom('compensation_standards').selectAll().orderBy('code').execute();
  return { items: rows.map(toStandard) };
}

export async function findCompensationStandard(db: Db, id: string) {
  const row = await db.selectFrom('compensation_standards').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStandard(row) : undefined;
}

export async function createCompensationStandard(db: Db, ctx: ServiceContext, input: CompensationStandardInput): Promise<CompensationStandard> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('compensation_standards').select('id').where('code', '=', input.code).executeTakeFirst()) {
      throw workOrderErrors.COMPENSATION_CODE_TAKEN({ code: input.code }, { path: ['body', 'code'] });
    }
    const now = ctx.now.toISOString();
    const id = newId();
    await trx.insertInto('compensation_standards').values({
      id, code: input.code, name: input.name, liability: input.liability, kind: input.kind, amount_fen: input.kind === 'fixed' ? input.amountFen : null,
      percent: input.kind === 'percent_of_repair' ? input.percent : null, is_active: bool(input.active), version: 1, created_at: now, updated_at: now,
    }).execute();
    const standard = (await findCompensationStandard(trx, id))!;
    await recordAudit(trx, ctx, { entityType: 'compensation_standard', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after: standard });
    return standard;
  });
}
