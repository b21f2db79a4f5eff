import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { phoneSchema, type DuplicateMatch } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { customersApi } from '../customers.api';
import { useDebouncedValue } from './use-debounced-value';

const DEBOUNCE_MS = 400;
const MIN_NAME_LENGTH = 2;

/**
 * Early duplicate warning while a new customer is typed: existing customers with the same name or
 * any of the (complete, valid) phones. The server checks again on save.
 */
export function useDuplicateCheck(input: { name?: string; phones: string[]; excludeId?: string; enabled: boolean }) {
  const name = (input.name ?? '').trim();
  const phones = [...new Set(input.phones.map((p) => p.trim()).filter((p) => phoneSchema.safeParse(p).success))].sort();
  const key = useDebouncedValue(
    JSON.stringify({ name: name.length >= MIN_NAME_LENGTH ? name : '', phones, excludeId: input.excludeId ?? '' }),
    DEBOUNCE_MS,
  );
  const settled = JSON.parse(key) as { name: string; phones: string[]; excludeId: string };
  const hasInput = settled.name !== '' || settled.phones.length > 0;
  const query = useQuery({
    queryKey: queryKeys.customers.duplicates({ key }),
    queryFn: async ({ signal }): Promise<DuplicateMatch[]> => {
      const excludeId = settled.excludeId || undefined;
      const requests = [
        ...(settled.name ? [customersApi.duplicates({ name: settled.name, excludeId }, signal)] : []),
        ...settled.phones.map((phone) => customersApi.duplicates({ phone, excludeId }, signal)),
      ];
      const answers = await Promise.all(requests);
      return answers.flatMap((a) => a.matches);
    },
    enabled: input.enabled && hasInput,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  return input.enabled && hasInput ? (query.data ?? []) : [];
}
