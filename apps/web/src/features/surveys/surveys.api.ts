import type {
  CreateSurveyCampaignInput, Page, PublicSurvey, SurveyCampaign, SurveyInvitation, SurveyLaunchResult, SurveyResponse, SurveySubmission,
  SurveyTemplate, SurveyTemplateInput, SurveyTemplateSummary,
} from '@sht/domain';
import { http, type QueryParams } from '../../api/http-client';

const template = (id: string) => `/survey-templates/${encodeURIComponent(id)}`;
const campaign = (id: string) => `/survey-campaigns/${encodeURIComponent(id)}`;
const publicSurvey = (token: string) => `/public/surveys/${encodeURIComponent(token)}`;

export const surveysApi = {
  listTemplates: (params: QueryParams, signal?: AbortSignal) => http.get<Page<SurveyTemplateSummary>>('/survey-templates', params, signal),
  getTemplate: (id: string, signal?: AbortSignal) => http.get<SurveyTemplate>(template(id), undefined, signal),
  createTemplate: (input: SurveyTemplateInput) => http.post<SurveyTemplate>('/survey-templates', input),
  updateTemplate: (id: string, version: number, input: SurveyTemplateInput) => http.put<SurveyTemplate>(template(id), { version, template: input }),
  setTemplateActive: (id: string, active: boolean) => http.post<SurveyTemplate>(`${template(id)}/${active ? 'activate' : 'deactivate'}`),

  listCampaigns: (params: QueryParams, signal?: AbortSignal) => http.get<Page<SurveyCampaign>>('/survey-campaigns', params, signal),
  getCampaign: (id: string, signal?: AbortSignal) => http.get<SurveyCampaign>(campaign(id), undefined, signal),
  createCampaign: (input: CreateSurveyCampaignInput) => http.post<SurveyCampaign>('/survey-campaigns', input),
  launchCampaign: (id: string, version: number) => http.post<SurveyLaunchResult>(`${campaign(id)}/launch`, { version }),
  closeCampaign: (id: string, version: number) => http.post<SurveyCampaign>(`${campaign(id)}/close`, { version }),
  listInvitations: (id: string, params: QueryParams, signal?: AbortSignal) => http.get<Page<SurveyInvitation>>(`${campaign(id)}/invitations`, params, signal),

  getResponse: (id: string, signal?: AbortSignal) => http.get<SurveyResponse>(`/survey-responses/${encodeURIComponent(id)}`, undefined, signal),

  getPublic: (token: string, signal?: AbortSignal) => http.get<PublicSurvey>(publicSurvey(token), undefined, signal),
  submitPublic: (token: string, body: SurveySubmission) => http.post<{ ok: true; score: number | null }>(publicSurvey(token), body),
};

export const surveyKeys = {
  all: ['surveys'] as const,
  templates: (params: QueryParams) => ['surveys', 'templates', params] as const,
  template: (id: string) => ['surveys', 'template', id] as const,
  campaigns: (params: QueryParams) => ['surveys', 'campaigns', params] as const,
  campaign: (id: string) => ['surveys', 'campaign', id] as const,
  invitations: (id: string, params: QueryParams) => ['surveys', 'invitations', id, params] as const,
  response: (id: string) => ['surveys', 'response', id] as const,
  public: (token: string) => ['public-survey', token] as const,
};
