import ExcelJS from 'exceljs';
import { importErrors } from './imports.errors.js';

export type SheetCell = string | Date | null;
export type SheetRow = { row: number; cells: Map<string, SheetCell> };
export type Sheet = { headers: Set<string>; rows: SheetRow[] };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // an .xlsx is a zip archive

/** A cell as text or a date: rich text, hyperlinks and formula results are flattened. */
function cellOf(value: unknown): SheetCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return cellOf(value.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join(''));
    if ('result' in value) return cellOf(value.result);
    if ('text' in value) return cellOf(value.text);
  }
  return null;
}

/**
 * The first worksheet of an .xlsx: the first row is the header, later non-empty rows the data.
 * Not exceljs' streaming WorkbookReader: it decodes each inflated chunk on its own and so breaks
 * Chinese characters that straddle a chunk boundary (exceljs issues #2063, #2084). The file size
 * cap bounds what the whole-workbook reader holds in memory.
 */
export async function readFirstSheet(file: Buffer, maxRows: number): Promise<Sheet> {
  if (file.length < 4 || !file.subarray(0, 4).equals(ZIP_MAGIC)) throw importErrors.IMPORT_NOT_XLSX();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Uint8Array.from(file).buffer);
  } catch {
    throw importErrors.IMPORT_NOT_XLSX();
  }
  const sheet = workbook.worksheets[0];
  const header = sheet?.getRow(1);
  if (!sheet || !header || sheet.actualRowCount === 0) throw importErrors.IMPORT_EMPTY();
  if (sheet.actualRowCount - 1 > maxRows) throw importErrors.IMPORT_TOO_MANY_ROWS({ max: maxRows });
  const columns = ((Array.isArray(header.values) ? header.values : []) as unknown[]).map((v) => String(cellOf(v) ?? ''));
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<string, SheetCell>();
    ((Array.isArray(row.values) ? row.values : []) as unknown[]).forEach((v, i) => {
      const name = columns[i];
      const cell = cellOf(v);
      if (name && cell !== null) cells.set(name, cell);
    });
    if (cells.size > 0) rows.push({ row: number, cells });
  });
  return { headers: new Set(columns.filter((c) => c !== '')), rows };
}
