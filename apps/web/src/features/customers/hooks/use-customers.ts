import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCustomerInput, UpdateCustomerInput } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { customersApi, type CustomerListParams } from '../customers.api';

/** The customers table's page query, for `useServerList`. */
export const customerListQuery = (params: CustomerListParams) => ({
  queryKey: queryKeys.customers.list(params),
  queryFn: ({ signal }: { signal: AbortSignal }) => customersApi.list(params, signal),
});

export function useCustomer(id: string) {
  return useQuery({
    queryKey: queryKeys.customers.detail(id),
    queryFn: ({ signal }) => customersApi.get(id, signal),
  });
}

const SEARCH_LIMIT = 10;

/** Find-as-you-type results for an already debounced term; the last answer stays while the next loads. */
export function useCustomerSearch(term: string) {
  return useQuery({
    queryKey: queryKeys.customers.search(term),
    queryFn: ({ signal }) => customersApi.search(term, SEARCH_LIMIT, signal),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useCustomerMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: queryKeys.customers.all });
  return {
    create: useMutation({ mutationFn: (input: CreateCustomerInput) => customersApi.create(input), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, input }: { id: string; input: UpdateCustomerInput }) => customersApi.update(id, input),
      onSuccess,
    }),
    setActive: useMutation({
      mutationFn: ({ id, active }: { id: string; active: boolean }) =>
        active ? customersApi.activate(id) : customersApi.deactivate(id),
      onSuccess,
    }),
  };
}
