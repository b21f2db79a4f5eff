import type { AnalysisGroupKey, SurveyAnalysis, SurveyAudience, SurveyTrend, WorkOrderType } from '@sht/domain';
import { http, toQueryString } from '../../api/http-client';

export type AnalysisFilterValues = {
  audience?: SurveyAudience;
  from?: string;
  to?: string;
  regionCode?: string;
  outletId?: string;
  technicianId?: string;
  modelId?: string;
  orderType?: WorkOrderType;
};

export type AnalysisParams = AnalysisFilterValues & { groupBy: AnalysisGroupKey; thenBy?: AnalysisGroupKey };

export const surveyAnalysisApi = {
  analysis: (params: AnalysisParams, signal?: AbortSignal) => http.get<SurveyAnalysis>('/survey-analysis', params, signal),
  trend: (filters: AnalysisFilterValues, signal?: AbortSignal) => http.get<SurveyTrend>('/survey-analysis/trend', filters, signal),
};

/** The workbook of the same analysis, downloaded by the browser with the session cookie. */
export function analysisExportHref(params: AnalysisParams): string {
  return `/api/v1/survey-analysis/export${toQueryString(params)}`;
}

export const surveyAnalysisKeys = {
  all: ['survey-analysis'] as const,
  analysis: (params: AnalysisParams) => ['survey-analysis', 'analysis', params] as const,
  trend: (filters: AnalysisFilterValues) => ['survey-analysis', 'trend', filters] as const,
};
