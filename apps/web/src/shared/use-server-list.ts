import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Page } from '@sht/domain';
import { useListParams, type ListParams, type ListPatch } from './use-list-params';

/** One page; a list that counts only up to a cap (find-as-you-type over a million rows) says so. */
export type ListPage<T> = Page<T> & { isTotalCapped?: boolean };

/** How a feature fetches one page of its list (the key decides caching and invalidation). */
export type ListQuery<P, T> = (params: P) => {
  queryKey: readonly unknown[];
  queryFn: (context: { signal: AbortSignal }) => Promise<ListPage<T>>;
};

/** A server-paged list: its params (kept in the URL) and the page they select. */
export type ServerList<T, F extends string> = {
  params: ListParams<F>;
  setParams: (patch: ListPatch<F>) => void;
  page: ListPage<T> | undefined;
  isFetching: boolean;
  refetch: () => void;
};

export function useServerList<F extends string, T>(
  filterKeys: readonly F[],
  listQuery: ListQuery<ListParams<F>, T>,
): ServerList<T, F> {
  const { params, setParams } = useListParams(filterKeys);
  // The previous page stays on screen while the next one loads, instead of an empty table.
  const query = useQuery({ ...listQuery(params), placeholderData: keepPreviousData });
  return {
    params,
    setParams,
    page: query.data,
    isFetching: query.isFetching,
    refetch: () => void query.refetch(),
  };
}
