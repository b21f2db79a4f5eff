import type { ListSurveyCampaignsQuery, ListSurveyInvitationsQuery, ListSurveyTemplatesQuery, Scope } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { fetchPage } from '../../db/paging.js';
import { inScope } from '../../db/scope.js';
import type {
  SurveyAnswersTable, SurveyCampaignsTable, SurveyInvitationsTable, SurveyResponsesTable, SurveyTemplatesTable, SurveyTokensTable,
} from '../../db/schema.js';

export type TemplateRow = SurveyTemplatesTable;
export type CampaignRow = SurveyCampaignsTable;
export type InvitationRow = SurveyInvitationsTable;

// ---- app_meta (the per-database token secret) ----

export async function findMeta(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('app_meta').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function insertMetaIfAbsent(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('app_meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
}

// ---- templates (HQ's, not org-scoped: any survey.read user may read them) ----

export function findTemplate(db: Db, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('survey_templates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isTemplateInUse(db: Db, templateId: string): Promise<boolean> {
  return !!(await db.selectFrom('survey_campaigns').select('id').where('template_id', '=', templateId).executeTakeFirst());
}

export async function templatesInUse(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('survey_campaigns').select('template_id').distinct().where('template_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.template_id));
}

const templateSort = { name: 'name', updatedAt: 'updated_at' } as const;

export async function listTemplates(db: Db, q: ListSurveyTemplatesQuery) {
  let base = db.selectFrom('survey_templates').where('is_current', '=', 1);
  if (!q.includeInactive) base = base.where('is_active', '=', 1);
  if (q.audience) base = base.where('audience', '=', q.audience);
  if (q.q) base = base.where('name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const page = base.selectAll().orderBy(templateSort[q.sort ?? 'updatedAt'], q.sort ? q.order : 'desc').orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

export async function insertTemplate(db: Db, row: TemplateRow): Promise<void> {
  await db.insertInto('survey_templates').values(row).execute();
}

export async function updateTemplate(db: Db, id: string, updatedAtSeen: string, patch: Partial<TemplateRow>): Promise<boolean> {
  const r = await db.updateTable('survey_templates').set(patch).where('id', '=', id).where('updated_at', '=', updatedAtSeen).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- campaigns ----

const campaignColumns = [
  'survey_campaigns.id', 'survey_campaigns.name', 'survey_campaigns.template_id', 'survey_campaigns.audience', 'survey_campaigns.org_id',
  'survey_campaigns.org_path', 'survey_campaigns.schedule', 'survey_campaigns.target_json', 'survey_campaigns.sample_share', 'survey_campaigns.seed',
  'survey_campaigns.expires_days', 'survey_campaigns.max_reminders', 'survey_campaigns.remind_after_days', 'survey_campaigns.status',
  'survey_campaigns.current_period', 'survey_campaigns.next_run_at', 'survey_campaigns.launched_at', 'survey_campaigns.created_by',
  'survey_campaigns.created_at', 'survey_campaigns.updated_at', 'survey_campaigns.version',
  'survey_templates.name as template_name', 'survey_templates.version as template_version',
] as const;

function campaigns(db: Db, scope: Scope) {
  return db
    .selectFrom('survey_campaigns')
    .innerJoin('survey_templates', 'survey_templates.id', 'survey_campaigns.template_id')
    .where((eb) => inScope(eb, 'survey_campaigns.org_path', scope));
}

export function findCampaign(db: Db, scope: Scope, id: string) {
  return campaigns(db, scope).select(campaignColumns).where('survey_campaigns.id', '=', id).executeTakeFirst();
}

/** The campaign by id for jobs and the public page (no caller, so no scope). */
export function findCampaignUnscoped(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('survey_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
}

const campaignSort = { name: 'survey_campaigns.name', createdAt: 'survey_campaigns.created_at', launchedAt: 'survey_campaigns.launched_at' } as const;

export async function listCampaigns(db: Db, scope: Scope, q: ListSurveyCampaignsQuery) {
  let base = campaigns(db, scope);
  if (q.status) base = base.where('survey_campaigns.status', '=', q.status);
  if (q.audience) base = base.where('survey_campaigns.audience', '=', q.audience);
  if (q.q) base = base.where('survey_campaigns.name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const page = base.select(campaignColumns)
    .orderBy(campaignSort[q.sort ?? 'createdAt'], q.sort ? q.order : 'desc').orderBy('survey_campaigns.id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

/** Invited and answered counts per campaign. */
export async function campaignStats(db: Db, ids: string[]): Promise<Map<string, { invited: number; answered: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('survey_invitations')
    .select(['campaign_id', (eb) => eb.fn.countAll<number | string>().as('invited'), (eb) => eb.fn.count<number | string>('answered_at').as('answered')])
    .where('campaign_id', 'in', ids).groupBy('campaign_id').execute();
  return new Map(rows.map((r) => [r.campaign_id, { invited: Number(r.invited), answered: Number(r.answered) }]));
}

export async function insertCampaign(db: Db, row: CampaignRow): Promise<void> {
  await db.insertInto('survey_campaigns').values(row).execute();
}

export async function updateCampaign(db: Db, id: string, version: number, patch: Partial<CampaignRow>): Promise<boolean> {
  const r = await db.updateTable('survey_campaigns').set({ ...patch, version: version + 1 }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function listDueCampaigns(db: Db, now: string, limit: number): Promise<CampaignRow[]> {
  return db.selectFrom('survey_campaigns').selectAll().where('status', '=', 'active').where('next_run_at', '<=', now).orderBy('next_run_at').limit(limit).execute();
}

// ---- invitations and tokens ----

export async function insertInvitations(db: Db, rows: InvitationRow[], tokens: SurveyTokensTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('survey_invitations').values(rows.slice(i, i + 200)).execute();
  for (let i = 0; i < tokens.length; i += 500) await db.insertInto('survey_tokens').values(tokens.slice(i, i + 500)).execute();
}

export async function insertToken(db: Db, row: SurveyTokensTable): Promise<void> {
  await db.insertInto('survey_tokens').values(row).execute();
}

export function findInvitationByToken(db: Db, invitationId: string, hash: string): Promise<InvitationRow | undefined> {
  return db.selectFrom('survey_tokens')
    .innerJoin('survey_invitations', 'survey_invitations.id', 'survey_tokens.invitation_id')
    .selectAll('survey_invitations')
    .where('survey_tokens.token_hash', '=', hash)
    .where('survey_tokens.invitation_id', '=', invitationId)
    .executeTakeFirst();
}

/** Marks an invitation answered, only if it was not already (the unique response row is the real guard). */
export async function markAnswered(db: Db, id: string, at: string): Promise<boolean> {
  const r = await db.updateTable('survey_invitations').set({ answered_at: at, next_reminder_at: null }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

const invitationSort = { sentAt: 'survey_invitations.sent_at', answeredAt: 'survey_invitations.answered_at', respondentName: 'survey_invitations.respondent_name' } as const;

export async function listInvitations(db: Db, campaignId: string, q: ListSurveyInvitationsQuery, now: string) {
  let base = db.selectFrom('survey_invitations')
    .leftJoin('survey_responses', 'survey_responses.invitation_id', 'survey_invitations.id')
    .leftJoin('work_orders', 'work_orders.id', 'survey_invitations.work_order_id')
    .where('survey_invitations.campaign_id', '=', campaignId);
  if (q.period) base = base.where('survey_invitations.period', '=', q.period);
  if (q.status === 'answered') base = base.where('survey_invitations.answered_at', 'is not', null);
  if (q.status === 'pending') base = base.where('survey_invitations.answered_at', 'is', null).where('survey_invitations.expires_at', '>', now);
  if (q.status === 'expired') base = base.where('survey_invitations.answered_at', 'is', null).where('survey_invitations.expires_at', '<=', now);
  if (q.q) base = base.where('survey_invitations.respondent_name', 'like', `%${q.q.replace(/[%_\\]/g, '')}%`);
  const page = base
    .select([
      'survey_invitations.id', 'survey_invitations.period', 'survey_invitations.respondent_name', 'survey_invitations.phone', 'survey_invitations.user_id', 'survey_invitations.work_order_id', 'work_orders.number as work_order_number', 'survey_invitations.sent_at', 'survey_invitations.expires_at',
      'survey_invitations.reminded_count', 'survey_invitations.answered_at', 'survey_responses.id as response_id', 'survey_responses.score',
    ])
    .orderBy(invitationSort[q.sort ?? 'sentAt'], q.order).orderBy('survey_invitations.id')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return fetchPage(db, page, base.select((eb) => eb.fn.countAll<number>().as('n')), q.page, q.pageSize);
}

/** Unanswered, unexpired invitations of running campaigns whose reminder is due. */
export function listDueReminders(db: Db, now: string, limit: number) {
  return db.selectFrom('survey_invitations as i')
    .innerJoin('survey_campaigns as c', 'c.id', 'i.campaign_id')
    .selectAll('i')
    .select(['c.name as campaign_name', 'c.max_reminders', 'c.remind_after_days'])
    .where('c.status', '=', 'active')
    .where('i.next_reminder_at', '<=', now)
    .where('i.answered_at', 'is', null)
    .where('i.expires_at', '>', now)
    .orderBy('i.next_reminder_at').limit(limit)
    .execute();
}

/** Claims one reminder: only the server whose UPDATE still sees the same count and due time sends it. */
export async function claimReminder(db: Db, inv: { id: string; reminded_count: number; next_reminder_at: string | null }, next: string | null): Promise<boolean> {
  const r = await db.updateTable('survey_invitations')
    .set({ reminded_count: inv.reminded_count + 1, next_reminder_at: next })
    .where('id', '=', inv.id).where('reminded_count', '=', inv.reminded_count)
    .where('next_reminder_at', '=', inv.next_reminder_at ?? '')
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---- responses and answers ----

export async function insertResponse(db: Db, row: SurveyResponsesTable, answers: SurveyAnswersTable[]): Promise<void> {
  await db.insertInto('survey_responses').values(row).execute();
  for (let i = 0; i < answers.length; i += 200) await db.insertInto('survey_answers').values(answers.slice(i, i + 200)).execute();
}

export async function setRecoveryOrder(db: Db, responseId: string, workOrderId: string): Promise<void> {
  await db.updateTable('survey_responses').set({ recovery_work_order_id: workOrderId }).where('id', '=', responseId).execute();
}

/** A response whose campaign is in the caller's subtree. */
export function findResponse(db: Db, scope: Scope, id: string) {
  return db.selectFrom('survey_responses as r')
    .innerJoin('survey_campaigns as c', 'c.id', 'r.campaign_id')
    .innerJoin('survey_invitations as i', 'i.id', 'r.invitation_id')
    .leftJoin('work_orders as wo', 'wo.id', 'r.work_order_id')
    .selectAll('r')
    .select(['c.name as campaign_name', 'i.respondent_name', 'wo.number as work_order_number'])
    .where('r.id', '=', id)
    .where((eb) => inScope(eb, 'c.org_path', scope))
    .executeTakeFirst();
}

export function listAnswers(db: Db, responseId: string): Promise<SurveyAnswersTable[]> {
  return db.selectFrom('survey_answers').selectAll().where('response_id', '=', responseId).execute();
}
