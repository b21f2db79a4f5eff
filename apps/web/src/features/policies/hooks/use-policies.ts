import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplaintRuleInput, CompensationStandardInput, SlaPolicyInput } from '@sht/domain';
import { policiesApi, type ComplaintRulePatch, type SlaPolicyPatch } from '../policies.api';

export const policyKeys = {
  all: ['policies'] as const,
  sla: ['policies', 'sla'] as const,
  rules: ['policies', 'complaint-rules'] as const,
  compensation: ['policies', 'compensation'] as const,
};

export const useSlaPolicies = () =>
  useQuery({ queryKey: policyKeys.sla, queryFn: ({ signal }) => policiesApi.listSla(signal) });
export const useComplaintRules = () =>
  useQuery({ queryKey: policyKeys.rules, queryFn: ({ signal }) => policiesApi.listRules(signal) });
export const useCompensationStandards = () =>
  useQuery({ queryKey: policyKeys.compensation, queryFn: ({ signal }) => policiesApi.listCompensation(signal) });

export function usePolicyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: policyKeys.all });
  return {
    createSla: useMutation({ mutationFn: (input: SlaPolicyInput) => policiesApi.createSla(input), onSuccess }),
    updateSla: useMutation({
      mutationFn: ({ id, input }: { id: string; input: SlaPolicyPatch }) => policiesApi.updateSla(id, input),
      onSuccess,
    }),
    createRule: useMutation({ mutationFn: (input: ComplaintRuleInput) => policiesApi.createRule(input), onSuccess }),
    updateRule: useMutation({
      mutationFn: ({ id, input }: { id: string; input: ComplaintRulePatch }) => policiesApi.updateRule(id, input),
      onSuccess,
    }),
    createCompensation: useMutation({
      mutationFn: (input: CompensationStandardInput) => policiesApi.createCompensation(input),
      onSuccess,
    }),
  };
}
