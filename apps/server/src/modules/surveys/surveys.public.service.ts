import {
  checkSubmission, lowAnswersText, scoreResponse, shanghaiMonth,
  type AnswerIssue, type Locale, type PublicSurvey, type SurveySubmission,
} from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { openRecoveryCase, recoveryThreshold } from '../recovery/recovery.service.js';
import { surveyErrors } from './surveys.errors.js';
import { parseQuestions } from './surveys.mapper.js';
import type { SurveyLinkConfig } from './surveys.delivery.js';
import * as repo from './surveys.repository.js';
import { tokenSecret, verifyToken } from './surveys.tokens.js';

/**
 * The invitation behind a link, or the reason it cannot be answered: forged or unknown
 * (invalid), already answered (used), past its expiry (expired), or its campaign closed.
 */
async function openInvitation(db: Db, links: SurveyLinkConfig, token: string, now: Date) {
  const parsed = verifyToken(await tokenSecret(db, links.tokenSecret), token);
  if (!parsed) throw surveyErrors.SURVEY_TOKEN_INVALID();
  const inv = await repo.findInvitationByToken(db, parsed.invitationId, parsed.hash);
  if (!inv) throw surveyErrors.SURVEY_TOKEN_INVALID();
  if (inv.answered_at) throw surveyErrors.SURVEY_TOKEN_USED();
  if (inv.expires_at <= now.toISOString()) throw surveyErrors.SURVEY_TOKEN_EXPIRED();
  const campaign = await repo.findCampaignUnscoped(db, inv.campaign_id);
  if (!campaign || campaign.status !== 'active') throw surveyErrors.SURVEY_CLOSED();
  const template = await repo.findTemplate(db, campaign.template_id);
  if (!template) throw surveyErrors.SURVEY_CLOSED();
  return { inv, campaign, template, questions: parseQuestions(template.questions_json) };
}

export async function getPublicSurvey(db: Db, links: SurveyLinkConfig, token: string, locale: Locale, now: Date): Promise<PublicSurvey> {
  const { inv, template, questions } = await openInvitation(db, links, token, now);
  const greeting = locale === 'en' ? `Dear ${inv.respondent_name},` : `尊敬的${inv.respondent_name},您好!`;
  return { title: template.name, description: template.description, greeting, questions, expiresAt: inv.expires_at };
}

const issueText: Record<AnswerIssue['code'], Record<Locale, string>> = {
  required: { 'zh-CN': '此题必答', en: 'This question needs an answer' },
  out_of_range: { 'zh-CN': '分值超出范围', en: 'The score is out of range' },
  unknown_option: { 'zh-CN': '选项不存在', en: 'Unknown option' },
  wrong_type: { 'zh-CN': '答案格式不正确', en: 'The answer has the wrong form' },
  unknown_question: { 'zh-CN': '题目不存在', en: 'No such question' },
};

/**
 * Stores one answer sheet: the response row and one row per answered question (contract 2), the
 * invitation marked answered, all in one transaction. A second answer for the same invitation
 * fails on the unique invitation_id even if two arrive at once. A customer's overall score below
 * the recovery threshold opens a recovery order in the same transaction.
 */
export async function submitSurvey(
  db: Db, ctx: AnonymousContext, links: SurveyLinkConfig, token: string, body: SurveySubmission, locale: Locale,
): Promise<{ ok: true; score: number | null; level: ReturnType<typeof scoreResponse>['level'] }> {
  return db.transaction().execute(async (trx) => {
    const { inv, campaign, template, questions } = await openInvitation(trx, links, token, ctx.now);
    const checked = checkSubmission(questions, body);
    if (!checked.ok) {
      const issues = checked.issues.map((i) => ({ path: ['body', ...i.path], code: i.code, message: issueText[i.code][locale] }));
      throw surveyErrors.SURVEY_ANSWERS_INVALID({}, { issues });
    }
    const { score, nps, level } = scoreResponse(checked.answers);
    const answeredAt = ctx.now.toISOString();
    const month = shanghaiMonth(ctx.now);
    if (!(await repo.markAnswered(trx, inv.id, answeredAt))) throw surveyErrors.SURVEY_TOKEN_USED();
    const common = {
      campaign_id: campaign.id, template_id: template.id, audience: campaign.audience, answered_at: answeredAt, month, region_code: inv.region_code,
      org_path: inv.org_path, outlet_org_id: inv.outlet_org_id, technician_id: inv.technician_id, model_id: inv.model_id, order_type: inv.order_type,
    };
    const responseId = newId();
    await repo.insertResponse(trx, {
      ...common, id: responseId, invitation_id: inv.id, work_order_id: inv.work_order_id, customer_id: inv.customer_id, score, nps, level,
      comment: checked.comment, recovery_work_order_id: null,
    }, checked.answers.map((a) => ({
      ...common, id: newId(), response_id: responseId, question_id: a.question.id, question_kind: a.question.kind, dimension: a.question.dimension,
      pair: a.question.pairRole, raw: a.raw, score: a.score, choice_json: a.choices ? JSON.stringify(a.choices) : null, text_value: a.text || null,
    })));
    await recordAudit(trx, ctx, {
      entityType: 'survey_response', entityId: responseId, orgPath: inv.org_path, action: 'create',
      after: { campaignId: campaign.id, invitationId: inv.id, score, nps }, actor: { id: null, name: `${inv.respondent_name}(调查)` },
    });
    if (inv.customer_id && score !== null) {
      const threshold = await recoveryThreshold(trx);
      if (score < threshold) {
        const opened = await openRecoveryCase(trx, ctx, {
          source: 'survey', sourceId: responseId, workOrderId: inv.work_order_id, customerId: inv.customer_id, score,
          reason: `满意度调查「${campaign.name}」得分 ${score}\n${lowAnswersText(checked.answers, threshold, checked.comment)}`,
        });
        if (opened) await repo.setRecoveryOrder(trx, responseId, opened.workOrderId);
      }
    }
    return { ok: true as const, score, level };
  });
}
