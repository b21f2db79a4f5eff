import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateContractInput, CreateEquipmentInput, CreateReadingInput, CreateTransferInput, UpdateEquipmentInput } from '@sht/domain';
import type { QueryParams } from '../../../api/http-client';
import { queryKeys } from '../../../api/query-keys';
import { equipmentApi, type EquipmentListParams } from '../equipment.api';

// Cache keys of this feature; everything of one unit sits under its detail key.
export const equipmentKeys = {
  all: ['equipment'] as const,
  list: (params: QueryParams) => ['equipment', 'list', params] as const,
  detail: (id: string) => ['equipment', 'detail', id] as const,
  warranty: (id: string, date: string | undefined) => ['equipment', 'detail', id, 'warranty', date ?? 'today'] as const,
  readings: (id: string) => ['equipment', 'detail', id, 'readings'] as const,
  transfers: (id: string) => ['equipment', 'detail', id, 'transfers'] as const,
  contracts: (id: string) => ['equipment', 'detail', id, 'contracts'] as const,
  models: (q: string) => ['catalogue', 'models', 'pick', q] as const,
  model: (id: string) => ['catalogue', 'models', 'detail', id] as const,
};

/** The units table's page query, for `useServerList`. */
export const equipmentListQuery = (params: EquipmentListParams) => ({
  queryKey: equipmentKeys.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => equipmentApi.list(params, signal),
});

export function useEquipment(id: string) {
  return useQuery({ queryKey: equipmentKeys.detail(id), queryFn: ({ signal }) => equipmentApi.get(id, signal) });
}

/** The 三包 status on a date (today when none): recomputed by the server's engine on every ask. */
export function useEquipmentWarranty(id: string, date: string | undefined) {
  return useQuery({
    queryKey: equipmentKeys.warranty(id, date),
    queryFn: ({ signal }) => equipmentApi.warranty(id, date, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useReadings(id: string) {
  return useQuery({ queryKey: equipmentKeys.readings(id), queryFn: ({ signal }) => equipmentApi.readings(id, signal) });
}

export function useTransfers(id: string) {
  return useQuery({ queryKey: equipmentKeys.transfers(id), queryFn: ({ signal }) => equipmentApi.transfers(id, signal) });
}

export function useContracts(id: string) {
  return useQuery({ queryKey: equipmentKeys.contracts(id), queryFn: ({ signal }) => equipmentApi.contracts(id, signal) });
}

/** Models to pick from (active ones matching the typed code or name). */
export function useModelOptions(q: string) {
  return useQuery({
    queryKey: equipmentKeys.models(q),
    queryFn: ({ signal }) => equipmentApi.models(q || undefined, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useModel(id: string | undefined) {
  return useQuery({
    queryKey: equipmentKeys.model(id ?? ''),
    queryFn: ({ signal }) => equipmentApi.model(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: 60_000,
  });
}

export function useEquipmentMutations() {
  const queryClient = useQueryClient();
  // A unit's change can move its warranty, its list rows and its owner's units list.
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: equipmentKeys.all });
  };
  const onTransfer = async () => {
    await Promise.all([onSuccess(), queryClient.invalidateQueries({ queryKey: queryKeys.customers.all })]);
  };
  return {
    create: useMutation({ mutationFn: (input: CreateEquipmentInput) => equipmentApi.create(input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateEquipmentInput }) => equipmentApi.update(id, input),
      onSuccess,
    }),
    addReading: useMutation({
      mutationFn: ({ id, input }: { id: string; input: CreateReadingInput }) => equipmentApi.addReading(id, input),
      onSuccess,
    }),
    transfer: useMutation({
      mutationFn: ({ id, input }: { id: string; input: CreateTransferInput }) => equipmentApi.transfer(id, input),
      onSuccess: onTransfer,
    }),
    addContract: useMutation({
      mutationFn: ({ id, input }: { id: string; input: CreateContractInput }) => equipmentApi.addContract(id, input),
      onSuccess,
    }),
  };
}
