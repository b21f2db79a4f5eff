import { surveyQuestionSchema, surveyTargetSchema, type SurveyCampaign, type SurveyQuestion, type SurveyTarget, type SurveyTemplate, type SurveyTemplateSummary } from '@sht/domain';
import { z } from 'zod';
import type { CampaignRow, TemplateRow } from './surveys.repository.js';

const questionsSchema = z.array(surveyQuestionSchema);

export const parseQuestions = (json: string): SurveyQuestion[] => questionsSchema.parse(JSON.parse(json));
export const parseTarget = (json: string): SurveyTarget => surveyTargetSchema.parse(JSON.parse(json));

export function toTemplateSummary(r: TemplateRow, inUse: boolean): SurveyTemplateSummary {
  return {
    id: r.id, familyId: r.family_id, version: r.version, name: r.name, audience: r.audience, description: r.description,
    isActive: Boolean(r.is_active), isInUse: inUse, createdAt: r.created_at, updatedAt: r.updated_at,
    questionCount: parseQuestions(r.questions_json).length,
  };
}

export function toTemplate(r: TemplateRow, inUse: boolean): SurveyTemplate {
  const { questionCount: _, ...summary } = toTemplateSummary(r, inUse);
  return { ...summary, questions: parseQuestions(r.questions_json) };
}

export type CampaignWithTemplate = CampaignRow & { template_name: string; template_version: number };

export function toCampaign(r: CampaignWithTemplate, stats: { invited: number; answered: number } | undefined): SurveyCampaign {
  const invited = stats?.invited ?? 0;
  const answered = stats?.answered ?? 0;
  return {
    id: r.id, name: r.name, templateId: r.template_id, templateName: r.template_name, templateVersion: r.template_version, audience: r.audience,
    schedule: r.schedule, target: parseTarget(r.target_json), sampleShare: Number(r.sample_share), seed: Number(r.seed), expiresInDays: r.expires_days,
    maxReminders: r.max_reminders, remindAfterDays: r.remind_after_days, status: r.status, currentPeriod: r.current_period, nextRunAt: r.next_run_at,
    launchedAt: r.launched_at, invited, answered, responseRate: invited === 0 ? 0 : Math.round((answered / invited) * 10_000) / 10_000,
    createdAt: r.created_at, version: r.version,
  };
}

/** 139****5678: enough to tell invitations apart, not a number to call. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 7 ? `${digits.slice(0, 3)}****${digits.slice(-4)}` : '****';
}
