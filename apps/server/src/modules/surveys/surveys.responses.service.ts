import type { SurveyResponse } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { surveyErrors } from './surveys.errors.js';
import { toTemplate } from './surveys.mapper.js';
import * as repo from './surveys.repository.js';

/** One answered sheet with its template version, for the filled 调查表 (scope: the campaign's org). */
export async function getResponse(db: Db, ctx: ServiceContext, id: string): Promise<SurveyResponse> {
  const r = await repo.findResponse(db, ctx.actor.scope, id);
  if (!r) throw surveyErrors.SURVEY_RESPONSE_NOT_FOUND();
  const template = await repo.findTemplate(db, r.template_id);
  if (!template) throw surveyErrors.SURVEY_RESPONSE_NOT_FOUND();
  const answers = await repo.listAnswers(db, id);
  return {
    id: r.id, campaignId: r.campaign_id, campaignName: r.campaign_name, template: toTemplate(template, true), respondentName: r.respondent_name,
    workOrderNumber: r.work_order_number, answeredAt: r.answered_at, score: r.score === null ? null : Number(r.score), nps: r.nps === null ? null : Number(r.nps),
    level: r.level as SurveyResponse['level'], comment: r.comment, recoveryWorkOrderId: r.recovery_work_order_id,
    answers: answers.map((a) => ({
      questionId: a.question_id, raw: a.raw === null ? null : Number(a.raw), score: a.score === null ? null : Number(a.score),
      choices: a.choice_json ? (JSON.parse(a.choice_json) as string[]) : null, text: a.text_value,
    })),
  };
}
