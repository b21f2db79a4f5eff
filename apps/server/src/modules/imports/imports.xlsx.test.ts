import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFirstSheet } from './imports.xlsx.js';
import { streamedXlsx } from './imports.test-files.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A workbook as Excel and exceljs write it: shared strings, styles, several sheets. */
async function sample(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('数据');
  workbook.addWorksheet('说明').addRow(['不是这张表']);
  sheet.addRow(['名称', '数量', '日期', '内置日期', '布尔', '公式', '富文本', '链接']);
  sheet.addRow([]);
  sheet.addRow([' 江苏省南京市江宁区<A&B> ', 42, day('2025-03-01'), day('2024-02-29'), true, { formula: 'B3*2', result: 84 },
    { richText: [{ text: '单' }, { text: '国强', font: { bold: true } }] }, { text: '售后通', hyperlink: 'https://example.com' }]);
  sheet.addRow(['13813930061', 13813930061, '2025/3/1', null, false, null, null, null]);
  sheet.getColumn(3).numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getColumn(4).numFmt = 'mm-dd-yy'; // built-in format 14
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading the first worksheet of an .xlsx', () => {
  it('reads strings, numbers, dates, booleans, formula results, rich text and links, skipping empty rows', async () => {
    const sheet = await readFirstSheet(await sample(), 10);
    expect([...sheet.headers]).toEqual(['名称', '数量', '日期', '内置日期', '布尔', '公式', '富文本', '链接']);
    expect(sheet.rows.map((r) => ({ row: r.row, cells: Object.fromEntries(r.cells) }))).toEqual([
      {
        row: 3,
        cells: { 名称: '江苏省南京市江宁区<A&B>', 数量: '42', 日期: day('2025-03-01'), 内置日期: day('2024-02-29'), 布尔: 'true', 公式: '84', 富文本: '单国强', 链接: '售后通' },
      },
      { row: 4, cells: { 名称: '13813930061', 数量: '13813930061', 日期: '2025/3/1', 布尔: 'false' } },
    ]);
  });

  it('reads files of the streaming writer (inline strings) with long Chinese text intact', async () => {
    const text = '南京宁建工程机械租赁有限公司'.repeat(20);
    const file = await streamedXlsx(['序列号', '客户名称'], 3000, (i) => [`S-${i}`, text]);
    const sheet = await readFirstSheet(file, 3000);
    expect(sheet.rows).toHaveLength(3000);
    expect(sheet.rows.every((r) => r.cells.get('客户名称') === text)).toBe(true);
    expect(sheet.rows.at(-1)?.cells.get('序列号')).toBe('S-2999');
    await expect(readFirstSheet(file, 2999)).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS' });
  });
});
