import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

export type ListParams<F extends string> = {
  page: number;
  pageSize: number;
  sort: string | undefined;
  order: SortOrder | undefined;
  q: string | undefined;
} & Record<F, string | undefined>;

export type ListPatch<F extends string> = Partial<Record<'page' | 'pageSize' | 'sort' | 'order' | 'q' | F, string | number | undefined>>;

const DEFAULT_PAGE_SIZE = 20;

/**
 * List state (page, sort, filters) lives in the URL, so a refresh, the back button or a shared
 * link shows the same rows. Changing anything but the page goes back to page 1.
 */
export function useListParams<F extends string>(filterKeys: readonly F[], defaultPageSize = DEFAULT_PAGE_SIZE) {
  const [search, setSearch] = useSearchParams();

  const params = useMemo(() => {
    const positive = (raw: string | null, fallback: number) => {
      const n = Number(raw);
      return Number.isInteger(n) && n > 0 ? n : fallback;
    };
    const order = search.get('order');
    const base = {
      page: positive(search.get('page'), 1),
      pageSize: Math.min(positive(search.get('pageSize'), defaultPageSize), 200),
      sort: search.get('sort') ?? undefined,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      q: search.get('q') ?? undefined,
    };
    const filters = {} as Record<F, string | undefined>;
    for (const key of filterKeys) filters[key] = search.get(key) ?? undefined;
    return { ...base, ...filters } as ListParams<F>;
    // filterKeys is a constant list per page
  }, [search, defaultPageSize]);

  const setParams = useCallback(
    (patch: ListPatch<F>) => {
      // Start from the address bar, not from the render-time params: two quick changes (pick a
      // tree node, then sort) must not let the second undo the first through a stale closure.
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in patch)) next.delete('page');
      setSearch(next, { replace: true });
    },
    [setSearch],
  );

  return { params, setParams };
}

/** antd's sorter order ↔ our API's order. */
export function toAntdOrder(sort: string | undefined, order: SortOrder | undefined, field: string) {
  if (sort !== field) return null;
  return order === 'desc' ? ('descend' as const) : ('ascend' as const);
}

// The parts of antd's Table onChange arguments a server list reads (kept structural for unit tests).
type TablePage = { current?: number; pageSize?: number };
type TableFilters = Record<string, readonly unknown[] | null>;
type TableSorter = { columnKey?: string | number | bigint; order?: 'ascend' | 'descend' | null };

/**
 * A Table change as list params: page and size, the sorted column (its key is the API's sort
 * field), and each column filter as a single value (keyed by column key, like the API filter).
 */
export function tableChangePatch<F extends string>(
  pagination: TablePage,
  filters: TableFilters,
  sorter: TableSorter | readonly TableSorter[],
): ListPatch<F> {
  const s = Array.isArray(sorter) ? sorter[0] : (sorter as TableSorter);
  const patch: Record<string, string | number | undefined> = {
    page: pagination.current,
    pageSize: pagination.pageSize,
    sort: s?.order ? String(s.columnKey) : undefined,
    order: s?.order ? (s.order === 'descend' ? 'desc' : 'asc') : undefined,
  };
  for (const [key, value] of Object.entries(filters)) {
    patch[key] = value && value.length > 0 ? String(value[0]) : undefined;
  }
  return patch as ListPatch<F>;
}
