import {
  surveyTemplateInputSchema, type ListSurveyTemplatesQuery, type Page, type SurveyTemplate, type SurveyTemplateInput, type SurveyTemplateSummary,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { bool, newId } from '../../db/ids.js';
import { httpErrors } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { surveyErrors } from './surveys.errors.js';
import { toTemplate, toTemplateSummary } from './surveys.mapper.js';
import * as repo from './surveys.repository.js';

// Templates belong to HQ: audit entries sit at the caller's org path.

export async function getTemplate(db: Db, id: string): Promise<SurveyTemplate> {
  const row = await repo.findTemplate(db, id);
  if (!row) throw surveyErrors.SURVEY_TEMPLATE_NOT_FOUND();
  return toTemplate(row, await repo.isTemplateInUse(db, id));
}

export async function listTemplates(db: Db, q: ListSurveyTemplatesQuery): Promise<Page<SurveyTemplateSummary>> {
  const { rows, total } = await repo.listTemplates(db, q);
  const inUse = await repo.templatesInUse(db, rows.map((r) => r.id));
  return { items: rows.map((r) => toTemplateSummary(r, inUse.has(r.id))), total, page: q.page, pageSize: q.pageSize };
}

export async function createTemplate(db: Db, ctx: ServiceContext, input: SurveyTemplateInput): Promise<SurveyTemplate> {
  const t = surveyTemplateInputSchema.parse(input);
  const now = ctx.now.toISOString();
  const id = newId();
  const row = {
    id, family_id: id, version: 1, is_current: bool(true), name: t.name, audience: t.audience, description: t.description,
    questions_json: JSON.stringify(t.questions), is_active: bool(true), created_by: ctx.actor.userId, created_at: now, updated_at: now,
  };
  return db.transaction().execute(async (trx) => {
    await repo.insertTemplate(trx, row);
    await recordAudit(trx, ctx, { entityType: 'survey_template', entityId: id, orgPath: ctx.actor.orgPath, action: 'create', after: t });
    return toTemplate(row, false);
  });
}

/**
 * Edits a template. One that a campaign uses is frozen: the edit becomes a new version (the
 * campaign keeps the questions its respondents saw) and the old version stops being current.
 */
export async function updateTemplate(db: Db, ctx: ServiceContext, id: string, version: number, input: SurveyTemplateInput): Promise<SurveyTemplate> {
  const t = surveyTemplateInputSchema.parse(input);
  const now = ctx.now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = await repo.findTemplate(trx, id);
    if (!row) throw surveyErrors.SURVEY_TEMPLATE_NOT_FOUND();
    if (!row.is_current || row.version !== version) throw httpErrors.VERSION_CONFLICT();
    const content = { name: t.name, audience: t.audience, description: t.description, questions_json: JSON.stringify(t.questions), updated_at: now };
    const inUse = await repo.isTemplateInUse(trx, id);
    let result;
    if (inUse) {
      if (t.audience !== row.audience) throw surveyErrors.SURVEY_TEMPLATE_AUDIENCE_CHANGED({}, { path: ['body', 'template', 'audience'] });
      if (!(await repo.updateTemplate(trx, id, row.updated_at, { is_current: bool(false) }))) throw httpErrors.VERSION_CONFLICT();
      const next = { ...row, ...content, id: newId(), version: row.version + 1, is_current: bool(true), created_by: ctx.actor.userId, created_at: now };
      await repo.insertTemplate(trx, next);
      result = toTemplate(next, false);
    } else {
      if (!(await repo.updateTemplate(trx, id, row.updated_at, content))) throw httpErrors.VERSION_CONFLICT();
      result = toTemplate({ ...row, ...content }, false);
    }
    await recordAudit(trx, ctx, { entityType: 'survey_template', entityId: result.id, orgPath: ctx.actor.orgPath, action: 'update', before: toTemplate(row, inUse), after: result });
    return result;
  });
}

export async function setTemplateActive(db: Db, ctx: ServiceContext, id: string, active: boolean): Promise<SurveyTemplate> {
  return db.transaction().execute(async (trx) => {
    const row = await repo.findTemplate(trx, id);
    if (!row) throw surveyErrors.SURVEY_TEMPLATE_NOT_FOUND();
    const now = ctx.now.toISOString();
    if (!(await repo.updateTemplate(trx, id, row.updated_at, { is_active: bool(active), updated_at: now }))) throw httpErrors.VERSION_CONFLICT();
    await recordAudit(trx, ctx, { entityType: 'survey_template', entityId: id, orgPath: ctx.actor.orgPath, action: active ? 'activate' : 'deactivate' });
    return toTemplate({ ...row, is_active: bool(active), updated_at: now }, await repo.isTemplateInUse(trx, id));
  });
}
