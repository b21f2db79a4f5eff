import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TechnicianProfileInput } from '@sht/domain';
import { techniciansApi } from '../technicians.api';

export const technicianKeys = { all: ['technicians'] as const };

export const useTechnicians = () =>
  useQuery({ queryKey: technicianKeys.all, queryFn: ({ signal }) => techniciansApi.list(signal) });

export function useSaveTechnicianProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: TechnicianProfileInput }) => techniciansApi.saveProfile(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: technicianKeys.all }),
  });
}
