import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { surveyAnalysisApi, surveyAnalysisKeys, type AnalysisFilterValues, type AnalysisParams } from '../survey-analysis.api';

export function useSurveyAnalysis(params: AnalysisParams) {
  return useQuery({
    queryKey: surveyAnalysisKeys.analysis(params),
    queryFn: ({ signal }) => surveyAnalysisApi.analysis(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSurveyTrend(filters: AnalysisFilterValues) {
  return useQuery({
    queryKey: surveyAnalysisKeys.trend(filters),
    queryFn: ({ signal }) => surveyAnalysisApi.trend(filters, signal),
    placeholderData: keepPreviousData,
  });
}
