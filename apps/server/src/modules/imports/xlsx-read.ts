import { inflateRawSync } from 'node:zlib';

// A small reader of the first worksheet of an .xlsx (Office Open XML: a zip of XML parts), for
// imports. exceljs' whole-workbook reader builds an object per cell with its style and needs ~25 s
// and ~900 MB for 100,000 rows; its streaming reader garbles CJK text split across chunks. Reading
// the few parts an import needs as whole UTF-8 strings and scanning them with regular expressions
// takes a few seconds.

export type RawCell = string | number | boolean | Date | null;
export type RawRow = { row: number; values: RawCell[] }; // values by 0-based column

export class XlsxFormatError extends Error {}

const MAX_PART_BYTES = 512 * 1024 * 1024; // an inflated part larger than this is a zip bomb, not a sheet

/** The entries of a zip archive by name, inflated on demand. */
function zipEntries(file: Buffer): Map<string, () => Buffer> {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes at the end.
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 65_535); i -= 1) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new XlsxFormatError('no zip directory');
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const entries = new Map<string, () => Buffer>();
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== 0x02014b50) throw new XlsxFormatError('broken zip directory');
    const method = file.readUInt16LE(at + 10);
    const size = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const skip = nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      if (local + 30 > file.length || file.readUInt32LE(local) !== 0x04034b50) throw new XlsxFormatError('broken zip entry');
      const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      const data = file.subarray(start, start + size);
      if (method === 0) return data;
      if (method !== 8) throw new XlsxFormatError(`zip method ${method}`);
      try {
        return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
      } catch {
        throw new XlsxFormatError('broken zip data');
      }
    });
    at += 46 + skip;
  }
  return entries;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text → string: entities, and the _xHHHH_ escapes of OOXML strings. */
function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(Number.parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e] ?? m)
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

const attrPatterns = new Map<string, RegExp>();
function attr(tag: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}="([^"]*)"`)));
  return re.exec(tag)?.[1];
}

/** The text of a string item (<si>, <is>): its <t> runs joined; phonetic runs (<rPh>) left out. */
function itemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += m[1] ?? '';
  return unescapeXml(out);
}

// Built-in number formats that show dates or times (ECMA-376 18.8.30, plus the CJK locale ones).
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Which cell styles (index into cellXfs) show a date. */
function dateStyles(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    const code = unescapeXml(attr(m[0], 'formatCode') ?? '');
    custom.set(id, code);
  }
  // A custom format is a date when, outside quoted text, escapes and [colour] sections, it has y/m/d/h/s.
  const isDateCode = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : DATE_FORMAT_IDS.has(id)) out.add(index);
    index += 1;
  }
  return out;
}

function columnIndex(ref: string | undefined, fallback: number): number {
  const letters = ref ? /^[A-Z]+/i.exec(ref)?.[0] : undefined;
  if (!letters) return fallback;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

type Parts = { sheet: string; sharedStrings: string[]; dates: Set<number>; date1904: boolean };

/** The XML parts the first worksheet needs, located through the workbook's relationships. */
function readParts(file: Buffer): Parts {
  const entries = zipEntries(file);
  const text = (name: string) => {
    const read = entries.get(name);
    return read ? read().toString('utf8') : undefined;
  };
  const workbook = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) throw new XlsxFormatError('no workbook part');
  const firstSheet = /<sheet\b[^>]*>/.exec(workbook)?.[0];
  const relId = firstSheet ? attr(firstSheet, 'r:id') : undefined;
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => attr(r, 'Id') === relId);
  const target = rel ? attr(rel, 'Target') : undefined;
  if (!target) throw new XlsxFormatError('no worksheet');
  const sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheet = text(sheetPath);
  if (sheet === undefined) throw new XlsxFormatError('worksheet part missing');
  const shared = text('xl/sharedStrings.xml') ?? '';
  return {
    sheet,
    sharedStrings: [...shared.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => itemText(m[1] ?? '')),
    dates: dateStyles(text('xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(workbook),
  };
}

// Days from the spreadsheet epoch to 1970-01-01 (the 1900 system counts the fictitious 1900-02-29).
const EPOCH_DAYS = { 1900: 25_569, 1904: 24_107 };

function cellValue(open: string, body: string, p: Parts): RawCell {
  const type = attr(open, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*?)<\/is>/.exec(body)?.[1];
    return is === undefined ? null : itemText(is);
  }
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's': return p.sharedStrings[Number(v)] ?? null;
    case 'str': return unescapeXml(v);
    case 'b': return v === '1' || v === 'true';
    case 'e': return null;
    case 'd': return new Date(v);
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) return null;
      const style = Number(attr(open, 's') ?? 0);
      if (!p.dates.has(style)) return n;
      return new Date(Math.round((n - (p.date1904 ? EPOCH_DAYS[1904] : EPOCH_DAYS[1900])) * 86_400_000));
    }
  }
}

/**
 * The rows of the first worksheet that hold at least one value, in order, with typed values:
 * shared and inline strings, numbers, booleans, dates (numbers in a date format). Stops with
 * `tooMany` once more than `maxRows` rows after the first are found.
 */
export function readFirstWorksheet(file: Buffer, maxRows: number): { rows: RawRow[]; tooMany: boolean } {
  const parts = readParts(file);
  const data = /<sheetData\b[^>]*>([\s\S]*)<\/sheetData>/.exec(parts.sheet)?.[1] ?? '';
  const rows: RawRow[] = [];
  let position = 0;
  for (const m of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    position = Number(attr(m[1] ?? '', 'r') ?? position + 1);
    const values: RawCell[] = [];
    let column = 0;
    for (const c of (m[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = c[1] ?? '';
      column = columnIndex(attr(open, 'r'), column);
      const value = cellValue(open, c[2] ?? '', parts);
      if (value !== null) values[column] = value;
      column += 1;
    }
    if (values.length === 0) continue;
    rows.push({ row: position, values });
    if (rows.length > maxRows + 1) return { rows, tooMany: true };
  }
  return { rows, tooMany: false };
}
