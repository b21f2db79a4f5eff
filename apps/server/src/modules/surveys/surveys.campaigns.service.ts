import { randomInt } from 'node:crypto';
import {
  createSurveyCampaignSchema, previousPeriodWindow, sampleExact, SAMPLE_SEED_MAX, surveyPeriodAt,
  type CreateSurveyCampaignInput, type ListSurveyCampaignsQuery, type ListSurveyInvitationsQuery, type Page, type Scope,
  type SurveyCampaign, type SurveyInvitation, type SurveyLaunchResult,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findOrg } from '../orgs/orgs.repository.js';
import { surveyErrors } from './surveys.errors.js';
import { maskPhone, parseTarget, toCampaign, type CampaignWithTemplate } from './surveys.mapper.js';
import { deliverInvitation, type SurveyLinkConfig } from './surveys.delivery.js';
import { findRespondents } from './surveys.respondents.js';
import * as repo from './surveys.repository.js';
import { issueToken, tokenSecret } from './surveys.tokens.js';

const DAY = 86_400_000;

async function loadCampaign(db: Db, scope: Scope, id: string): Promise<CampaignWithTemplate> {
  const row = await repo.findCampaign(db, scope, id);
  if (!row) throw surveyErrors.SURVEY_CAMPAIGN_NOT_FOUND();
  return row;
}

async function withStats(db: Db, row: CampaignWithTemplate): Promise<SurveyCampaign> {
  return toCampaign(row, (await repo.campaignStats(db, [row.id])).get(row.id));
}

export async function getCampaign(db: Db, ctx: ServiceContext, id: string): Promise<SurveyCampaign> {
  return withStats(db, await loadCampaign(db, ctx.actor.scope, id));
}

export async function listCampaigns(db: Db, ctx: ServiceContext, q: ListSurveyCampaignsQuery): Promise<Page<SurveyCampaign>> {
  const { rows, total } = await repo.listCampaigns(db, ctx.actor.scope, q);
  const stats = await repo.campaignStats(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toCampaign(r, stats.get(r.id))), total, page: q.page, pageSize: q.pageSize };
}

/** A new campaign, as a draft: the sample seed is fixed now so that the launch can be re-derived. */
export async function createCampaign(db: Db, ctx: ServiceContext, input: CreateSurveyCampaignInput): Promise<SurveyCampaign> {
  const c = createSurveyCampaignSchema.parse(input);
  const template = await repo.findTemplate(db, c.templateId);
  if (!template) throw surveyErrors.SURVEY_TEMPLATE_NOT_FOUND({}, { path: ['body', 'templateId'] });
  if (!template.is_active) throw surveyErrors.SURVEY_TEMPLATE_INACTIVE({}, { path: ['body', 'templateId'] });
  if (c.target.orgId && !(await findOrg(db, ctx.actor.scope, c.target.orgId))) {
    throw surveyErrors.SURVEY_TARGET_ORG_NOT_FOUND({}, { path: ['body', 'target', 'orgId'] });
  }
  const now = ctx.now.toISOString();
  const row = {
    id: newId(), name: c.name, template_id: template.id, audience: template.audience, org_id: ctx.actor.orgId, org_path: ctx.actor.orgPath,
    schedule: c.schedule, target_json: JSON.stringify(c.target), sample_share: c.sampleShare, seed: c.seed ?? randomInt(SAMPLE_SEED_MAX),
    expires_days: c.expiresInDays, max_reminders: c.maxReminders, remind_after_days: c.remindAfterDays, status: 'draft' as const,
    current_period: null, next_run_at: null, launched_at: null, created_by: ctx.actor.userId, created_at: now, updated_at: now, version: 1,
  };
  return db.transaction().execute(async (trx) => {
    await repo.insertCampaign(trx, row);
    await recordAudit(trx, ctx, { entityType: 'survey_campaign', entityId: row.id, orgPath: row.org_path, action: 'create', after: c });
    return toCampaign({ ...row, template_name: template.name, template_version: template.version }, undefined);
  });
}

// Each period of a periodic campaign draws with its own seed, derived from the campaign's.
function periodSeed(seed: number, period: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (const ch of period) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}

/**
 * Invites one period's sample: finds the respondents, draws round(share × N) with the seed,
 * writes the invitations and their token hashes, and sends the links. Runs in the caller's
 * transaction, so a failure leaves no invitation behind.
 */
export async function invitePeriod(
  trx: Db, at: ServiceContext | Date, links: SurveyLinkConfig, c: repo.CampaignRow & { name: string }, period: string,
): Promise<{ candidates: number; invited: number }> {
  const now = at instanceof Date ? at : at.now;
  const target = parseTarget(c.target_json);
  const window = c.schedule === 'once' ? { from: target.from, to: target.to } : previousPeriodWindow(c.schedule, now);
  const respondents = await findRespondents(trx, c.audience, { ...target, from: window.from, to: window.to }, c.org_path);
  const seed = c.schedule === 'once' ? Number(c.seed) : periodSeed(Number(c.seed), period);
  const picked = sampleExact(respondents, Number(c.sample_share), seed);
  const secret = await tokenSecret(trx, links.tokenSecret);
  const sentAt = now.toISOString();
  const expiresAt = new Date(now.getTime() + c.expires_days * DAY).toISOString();
  const nextReminder = c.max_reminders > 0 ? new Date(now.getTime() + c.remind_after_days * DAY).toISOString() : null;
  const rows = picked.map((r) => ({
    ...r, id: newId(), campaign_id: c.id, period, sent_at: sentAt, expires_at: expiresAt, reminded_count: 0,
    next_reminder_at: nextReminder && nextReminder < expiresAt ? nextReminder : null, answered_at: null,
  }));
  const issued = rows.map((r) => issueToken(secret, r.id));
  await repo.insertInvitations(trx, rows, rows.map((r, i) => ({ token_hash: issued[i]?.hash ?? '', invitation_id: r.id, issued_at: sentAt })));
  for (const [i, r] of rows.entries()) await deliverInvitation(trx, at, links, r, c.name, issued[i]?.token ?? '', false);
  return { candidates: respondents.length, invited: rows.length };
}

/** Launches a draft: the first period's invitations go out at once; a periodic campaign is then due again at its next period. */
export async function launchCampaign(db: Db, ctx: ServiceContext, links: SurveyLinkConfig, id: string, version: number): Promise<SurveyLaunchResult> {
  return db.transaction().execute(async (trx) => {
    const c = await loadCampaign(trx, ctx.actor.scope, id);
    if (c.version !== version) throw httpErrors.VERSION_CONFLICT();
    if (c.status !== 'draft') throw surveyErrors.SURVEY_CAMPAIGN_NOT_DRAFT();
    const period = surveyPeriodAt(c.schedule, ctx.now);
    const result = await invitePeriod(trx, ctx, links, c, period.key);
    if (result.invited === 0) throw surveyErrors.SURVEY_NO_RESPONDENTS();
    const patch = { status: 'active' as const, current_period: period.key, next_run_at: period.nextRunAt, launched_at: ctx.now.toISOString(), updated_at: ctx.now.toISOString() };
    if (!(await repo.updateCampaign(trx, id, version, patch))) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, { entityType: 'survey_campaign', entityId: id, orgPath: c.org_path, action: 'update', after: { launched: period.key, ...result } });
    return { campaign: await withStats(trx, { ...c, ...patch, version: version + 1 }), period: period.key, ...result };
  });
}

/** Closes a campaign: its links stop working and no further period is sent. */
export async function closeCampaign(db: Db, ctx: ServiceContext, id: string, version: number): Promise<SurveyCampaign> {
  return db.transaction().execute(async (trx) => {
    const c = await loadCampaign(trx, ctx.actor.scope, id);
    if (c.version !== version) throw httpErrors.VERSION_CONFLICT();
    if (c.status === 'closed') throw surveyErrors.SURVEY_CAMPAIGN_NOT_ACTIVE();
    const patch = { status: 'closed' as const, next_run_at: null, updated_at: ctx.now.toISOString() };
    if (!(await repo.updateCampaign(trx, id, version, patch))) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, { entityType: 'survey_campaign', entityId: id, orgPath: c.org_path, action: 'deactivate' });
    return withStats(trx, { ...c, ...patch, version: version + 1 });
  });
}

export async function listInvitations(db: Db, ctx: ServiceContext, campaignId: string, q: ListSurveyInvitationsQuery): Promise<Page<SurveyInvitation>> {
  await loadCampaign(db, ctx.actor.scope, campaignId);
  const now = ctx.now.toISOString();
  const { rows, total } = await repo.listInvitations(db, campaignId, q, now);
  return {
    items: rows.map((r) => ({
      id: r.id, period: r.period, respondentName: r.respondent_name, contact: maskPhone(r.phone), workOrderId: r.work_order_id,
      workOrderNumber: r.work_order_number, status: r.answered_at ? 'answered' : r.expires_at <= now ? 'expired' : 'pending',
      sentAt: r.sent_at, expiresAt: r.expires_at, remindedCount: r.reminded_count, answeredAt: r.answered_at, responseId: r.response_id,
      score: r.score === null ? null : Number(r.score),
    })),
    total, page: q.page, pageSize: q.pageSize,
  };
}
