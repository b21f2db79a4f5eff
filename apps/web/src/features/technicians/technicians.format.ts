/** A GB/T 2260 code (2, 4 or 6 digits) as its path in the province → city → county tree. */
export function divisionPath(code: string): string[] {
  const path = [code.slice(0, 2)];
  if (code.length >= 4) path.push(code.slice(0, 4));
  if (code.length === 6) path.push(code);
  return path;
}

/** The chosen tree paths back to codes: each path's deepest node. */
export function pathsToCodes(paths: readonly (readonly string[])[]): string[] {
  return [...new Set(paths.map((p) => p[p.length - 1]).filter((c): c is string => typeof c === 'string' && c.length > 0))];
}
