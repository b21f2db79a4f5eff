import {
  can, isPathInScope, rankTechnicians,
  type DispatchSuggestion, type GeoPosition, type Technician, type TechnicianCandidate, type TechnicianProfileInput,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { httpErrors } from '../../http/errors.js';
import { inScope } from '../../db/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { workOrderErrors } from './workorders.errors.js';
import * as repo from './workorders.repository.js';

// Technicians' dispatch profiles and the ranked suggestions for an order.

const openStatuses = ['dispatched', 'travelling', 'on_site', 'waiting_parts', 'waiting_customer'] as const;

/** Active technicians in an org subtree with their profile and open load. */
function technicians(db: Db, orgPath: string) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .leftJoin('technician_profiles as p', 'p.user_id', 'users.id')
    .select([
      'users.id', 'users.name', 'users.org_id', 'orgs.name as org_name', 'orgs.path as org_path', 'p.skills_json', 'p.coverage_json', 'p.base_lat', 'p.base_lng',
      'p.last_lat', 'p.last_lng', 'p.last_seen_at', 'p.version',
    ])
    .select((eb) =>
      eb.selectFrom('work_orders').select((e) => e.fn.countAll<number | string>().as('n'))
        .whereRef('work_orders.assignee_id', '=', 'users.id').where('work_orders.status', 'in', openStatuses).as('open_jobs'),
    )
    .where('users.is_active', '=', 1)
    .where((eb) => eb.exists(eb.selectFrom('user_roles').select('user_roles.user_id').whereRef('user_roles.user_id', '=', 'users.id').where('user_roles.role', '=', 'technician')))
    .where('orgs.path', 'like', `${orgPath}%`)
    .orderBy('users.name');
}
type TechRow = Awaited<ReturnType<ReturnType<typeof technicians>['execute']>>[number];

const strings = (json: string | null): string[] => (json ? (JSON.parse(json) as string[]) : []);
function toTechnician(r: TechRow): Technician {
  return {
    id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, skills: strings(r.skills_json), coverage: strings(r.coverage_json),
    base: r.base_lat !== null && r.base_lng !== null ? { lat: Number(r.base_lat), lng: Number(r.base_lng) } : null,
    last: r.last_lat !== null && r.last_lng !== null && r.last_seen_at ? { lat: Number(r.last_lat), lng: Number(r.last_lng), at: new Date(r.last_seen_at).toISOString() } : null,
    openJobs: Number(r.open_jobs ?? 0), version: r.version ?? 0,
  };
}

export async function listTechnicians(db: Db, ctx: ServiceContext): Promise<{ items: Technician[] }> {
  const rows = await technicians(db, ctx.actor.scope.all ? '/' : ctx.actor.scope.orgPath).execute();
  return { items: rows.map(toTechnician) };
}

export async function saveTechnicianProfile(db: Db, ctx: ServiceContext, userId: string, input: TechnicianProfileInput): Promise<Technician> {
  return db.transaction().execute(async (trx) => {
    const row = (await technicians(trx, '/').where('users.id', '=', userId).executeTakeFirst());
    if (!row || !isPathInScope(ctx.actor.scope, row.org_path)) throw workOrderErrors.TECHNICIAN_NOT_FOUND();
    const now = ctx.now.toISOString();
    const values = {
      skills_json: JSON.stringify([...new Set(input.skills)]), coverage_json: JSON.stringify([...new Set(input.coverage)]),
      base_lat: input.base?.lat ?? null, base_lng: input.base?.lng ?? null, updated_at: now, version: input.version + 1,
    };
    if ((row.version ?? 0) !== input.version) throw httpErrors.VERSION_CONFLICT();
    if (row.version === null) await trx.insertInto('technician_profiles').values({ user_id: userId, ...values }).execute();
    else {
      const res = await trx.updateTable('technician_profiles').set(values).where('user_id', '=', userId).where('version', '=', input.version).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw httpErrors.VERSION_CONFLICT();
    }
    const after = toTechnician(await technicians(trx, '/').where('users.id', '=', userId).executeTakeFirstOrThrow());
    await recordAudit(trx, ctx, { entityType: 'technician_profile', entityId: userId, orgPath: row.org_path, action: 'update', before: toTechnician(row), after });
    return after;
  });
}

/** Where the phone was at a field step: kept as the technician's last known position. */
export async function recordPosition(db: Db, userId: string, position: GeoPosition, at: string): Promise<void> {
  const res = await db.updateTable('technician_profiles').set({ last_lat: position.lat, last_lng: position.lng, last_seen_at: at }).where('user_id', '=', userId).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    await db.insertInto('technician_profiles').values({
      user_id: userId, skills_json: '[]', coverage_json: '[]', base_lat: null, base_lng: null, last_lat: position.lat, last_lng: position.lng, last_seen_at: at, version: 1, updated_at: at,
    }).execute();
  }
}

/** Technicians of the order's responsible org (and its outlets), best first, with why. */
export async function dispatchSuggestions(db: Db, ctx: ServiceContext, id: string): Promise<{ items: DispatchSuggestion[] }> {
  const order = await repo.findOrder(db, ctx.actor.scope, ctx.actor.userId, id);
  if (!order) throw workOrderErrors.WORK_ORDER_NOT_FOUND();
  if (!can(ctx.actor.roles, 'workorder.dispatch')) throw workOrderErrors.ACTION_FORBIDDEN({ action: 'dispatch' });
  const site = await db
    .selectFrom('customers')
    .leftJoin('equipment_units', (join) => join.on('equipment_units.id', '=', order.equipment_id ?? ''))
    .leftJoin('product_models', 'product_models.id', 'equipment_units.model_id')
    .leftJoin('product_categories', 'product_categories.id', 'product_models.category_id')
    .select(['customers.lat', 'customers.lng', 'customers.county_code', 'equipment_units.site_county_code', 'product_models.code as model_code', 'product_categories.code as category_code'])
    .where('customers.id', '=', order.customer_id)
    .executeTakeFirstOrThrow();
  const rows = await technicians(db, order.org_path).where((eb) => inScope(eb, 'orgs.path', ctx.actor.scope)).execute();
  const candidates: TechnicianCandidate[] = rows.map(toTechnician);
  return {
    items: rankTechnicians(candidates, {
      modelCode: site.model_code, categoryCode: site.category_code,
      site: site.lat !== null && site.lng !== null ? { lat: Number(site.lat), lng: Number(site.lng) } : null,
      countyCode: site.site_county_code ?? site.county_code,
    }, ctx.now.toISOString()),
  };
}
