import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateSurveyCampaignInput, SurveyTemplateInput } from '@sht/domain';
import type { QueryParams } from '../../../api/http-client';
import { surveyKeys, surveysApi } from '../surveys.api';

export const templateListQuery = (params: QueryParams) => ({
  queryKey: surveyKeys.templates(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => surveysApi.listTemplates(params, signal),
});

export const campaignListQuery = (params: QueryParams) => ({
  queryKey: surveyKeys.campaigns(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => surveysApi.listCampaigns(params, signal),
});

export const invitationListQuery = (campaignId: string) => (params: QueryParams) => ({
  queryKey: surveyKeys.invitations(campaignId, params),
  queryFn: ({ signal }: { signal: AbortSignal }) => surveysApi.listInvitations(campaignId, params, signal),
});

export function useSurveyTemplate(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.template(id ?? ''),
    queryFn: ({ signal }) => surveysApi.getTemplate(id ?? '', signal),
    enabled: !!id,
  });
}

export function useSurveyCampaign(id: string) {
  return useQuery({ queryKey: surveyKeys.campaign(id), queryFn: ({ signal }) => surveysApi.getCampaign(id, signal) });
}

export function useSurveyResponse(id: string) {
  return useQuery({ queryKey: surveyKeys.response(id), queryFn: ({ signal }) => surveysApi.getResponse(id, signal) });
}

export function useSurveyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: surveyKeys.all });
  return {
    createTemplate: useMutation({ mutationFn: (input: SurveyTemplateInput) => surveysApi.createTemplate(input), onSuccess }),
    updateTemplate: useMutation({
      mutationFn: ({ id, version, input }: { id: string; version: number; input: SurveyTemplateInput }) => surveysApi.updateTemplate(id, version, input),
      onSuccess,
    }),
    setTemplateActive: useMutation({ mutationFn: ({ id, active }: { id: string; active: boolean }) => surveysApi.setTemplateActive(id, active), onSuccess }),
    createCampaign: useMutation({ mutationFn: (input: CreateSurveyCampaignInput) => surveysApi.createCampaign(input), onSuccess }),
    launchCampaign: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => surveysApi.launchCampaign(id, version), onSuccess }),
    closeCampaign: useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => surveysApi.closeCampaign(id, version), onSuccess }),
  };
}
