import { pinyin } from 'pinyin-pro';

// Search keys of a customer: what find-as-you-type matches with an indexed prefix LIKE.
// Every key is stored as a row (kind, term); a query matches when a term starts with it,
// so storing suffixes turns "contains" into "starts with" (index-friendly on both databases).

export type SearchTermKind = 'n' | 'p' | 'd'; // name text, pinyin, phone digits
export type SearchTerm = { kind: SearchTermKind; term: string };

/** Longest stored term and longest query: a query never outgrows the terms it is matched against. */
export const SEARCH_TERM_MAX = 32;
/** Shortest phone fragment that is searched as digits (shorter ones match far too much). */
export const PHONE_FRAGMENT_MIN = 3;

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Digits of a phone as dialled in China: punctuation dropped, +86 / 0086 country prefix removed. */
export function normalizePhone(raw: string): string {
  let digits = raw.replace(/\D/g, '');
  if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('861')) digits = digits.slice(2);
  else if (raw.trim().startsWith('+86')) digits = digits.slice(2);
  return digits;
}

/** All suffixes of a digit string at least `min` long: "13912345678" → "13912345678", "3912345678", … "678". */
export function phoneSuffixes(digits: string, min = PHONE_FRAGMENT_MIN): string[] {
  const out: string[] = [];
  for (let i = 0; i + min <= digits.length; i++) out.push(digits.slice(i));
  return out;
}

/** Lower-case letters, digits and Chinese characters only: what names are compared and searched on. */
export function normalizeSearchText(text: string): string {
  return Array.from(text.normalize('NFKC').toLowerCase())
    .filter((ch) => /[a-z0-9]/.test(ch) || CJK.test(ch))
    .join('');
}

export type NameReading = { full: string; initials: string };

/** One reading of a normalised name: per character full pinyin and its first letter; other characters kept. */
function reading(chars: string[], syllables: string[]): NameReading {
  let full = '';
  let initials = '';
  chars.forEach((ch, i) => {
    const py = CJK.test(ch) ? (syllables[i] ?? '').replace(/ü/g, 'v').replace(/[^a-z]/g, '') : ch;
    full += py;
    initials += py.slice(0, 1);
  });
  return { full, initials };
}

/**
 * Pinyin readings of a name: pinyin-pro's best reading (it segments words, so 重庆 → chongqing,
 * 银行 → yinhang) and, for people, also the surname reading of the first character
 * (单 shan, 曾 zeng, 解 xie) — callers say either. The first reading is the primary one.
 */
export function nameReadings(name: string, opts: { isPerson?: boolean } = {}): NameReading[] {
  const text = normalizeSearchText(name);
  if (text === '') return [{ full: '', initials: '' }];
  const chars = Array.from(text);
  const base = { toneType: 'none', type: 'array', v: true } as const;
  const readings = [reading(chars, pinyin(text, base))];
  if (opts.isPerson) readings.push(reading(chars, pinyin(text, { ...base, mode: 'surname', surname: 'head' })));
  const seen = new Set<string>();
  return readings.filter((r) => !seen.has(r.full) && seen.add(r.full));
}

const cap = (s: string) => Array.from(s).slice(0, SEARCH_TERM_MAX).join('');

function suffixes(text: string): string[] {
  const chars = Array.from(text);
  return chars.map((_, i) => cap(chars.slice(i).join('')));
}

/**
 * The search terms of one customer:
 * - n: every suffix of the normalised name (substring search "农业" → prefix of "农业合作社");
 * - p: full pinyin of the whole name (prefix "zhangsan") and every suffix of the initials
 *   ("zsny" and also "ny" for …农业…), for each reading;
 * - d: every suffix of every phone's digits (a fragment from the middle is a prefix of one).
 */
export function customerSearchTerms(name: string, phones: readonly string[], opts: { isPerson?: boolean } = {}): SearchTerm[] {
  const terms = new Map<string, SearchTerm>();
  const add = (kind: SearchTermKind, term: string) => {
    if (term !== '') terms.set(`${kind}:${term}`, { kind, term });
  };
  for (const s of suffixes(normalizeSearchText(name))) add('n', s);
  for (const r of nameReadings(name, opts)) {
    add('p', cap(r.full));
    for (const s of suffixes(r.initials)) add('p', s);
  }
  for (const phone of phones) for (const s of phoneSuffixes(normalizePhone(phone))) add('d', cap(s));
  return [...terms.values()];
}

export type SearchPlan = { text: string; kinds: SearchTermKind[] };

/**
 * How a typed query is matched: digits (spaces and dashes allowed) search phones and names,
 * Latin letters search pinyin and names, anything with Chinese searches names only.
 * Returns null when nothing searchable is left.
 */
export function planSearch(query: string): SearchPlan | null {
  const compact = query.trim().replace(/[\s-]/g, '');
  if (/^\+?\d+$/.test(compact)) {
    const digits = compact.replace(/\D/g, '');
    const text = cap(compact.startsWith('+86') ? normalizePhone(compact) : digits);
    if (text.length < PHONE_FRAGMENT_MIN) return text === '' ? null : { text, kinds: ['n'] };
    return { text, kinds: ['d', 'n'] };
  }
  const text = cap(normalizeSearchText(query));
  if (text === '') return null;
  if (/^[a-z]+$/.test(text)) return { text, kinds: ['p', 'n'] };
  return { text, kinds: ['n'] };
}
