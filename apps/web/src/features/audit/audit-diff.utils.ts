export type DiffRow = { field: string; before: unknown; after: unknown; changed: boolean };

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

function same(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field comparison of an audit entry's before/after snapshots, in the order the fields
 * appear (after's order first, then fields only before had). Non-object snapshots become one row.
 */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if ((before !== null && !b) || (after !== null && !a)) {
    return [{ field: '', before, after, changed: !same(before, after) }];
  }
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  return fields.map((field) => {
    const bv = b?.[field];
    const av = a?.[field];
    return { field, before: bv, after: av, changed: !same(bv, av) };
  });
}
