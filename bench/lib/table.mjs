// The table printer every benchmark shares: an aligned plain-text table for the terminal and the
// same rows as GitHub markdown for bench/results/*.md and the README.
//
// A table is { columns: [{ key, title, align?: 'left'|'right' }], rows: [{ [key]: string|number }] }.
// Numbers are printed as given: format them with fmt() first.

/** Display width, counting CJK / full-width characters as two columns. */
export function displayWidth(text) {
  let w = 0;
  for (const ch of String(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
}

function pad(text, width, align) {
  const s = String(text);
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
}

const cell = (row, key) => (row[key] === undefined || row[key] === null ? '' : String(row[key]));

/** Plain-text table for the terminal. */
export function formatTable({ columns, rows }) {
  const widths = columns.map((c) => Math.max(displayWidth(c.title), ...rows.map((r) => displayWidth(cell(r, c.key)))));
  const line = (values) => values.map((v, i) => pad(v, widths[i], columns[i].align)).join('  ').trimEnd();
  return [
    line(columns.map((c) => c.title)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map((r) => line(columns.map((c) => cell(r, c.key)))),
  ].join('\n');
}

/** GitHub-flavoured markdown table. */
export function formatMarkdown({ columns, rows }) {
  const esc = (s) => s.replace(/\|/g, '\\|');
  const head = `| ${columns.map((c) => esc(c.title)).join(' | ')} |`;
  const sep = `|${columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`;
  const body = rows.map((r) => `| ${columns.map((c) => esc(cell(r, c.key))).join(' | ')} |`);
  return [head, sep, ...body].join('\n');
}

/** Number formatting: fixed decimals, thousands separators for big values, '—' for missing. */
export function fmt(value, decimals = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(decimals);
}
