import type { importsZh } from './imports.zh-CN';

// Same shape as the Chinese strings (checked here and again by app/locales/en.ts).
type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const importsEn: Widen<typeof importsZh> = {
  title: 'Import',
  kind: { customers: 'Customers', equipment: 'Equipment units' },
  kindLabel: 'What to import',
  template: 'Download template',
  templateHint: 'The first row holds the headers (required columns in red); at most 20 MB and 100,000 rows per file.',
  upload: 'Click or drop an .xlsx file here',
  uploadHint: 'The file is checked and previewed first; nothing is written until you confirm',
  uploading: 'Uploading {{percent}}%',
  checking: 'Checking the file…',
  checkingRows: 'Checked {{processed}} / {{total}} rows',
  committing: 'Importing {{processed}} / {{valid}} rows',
  uploadFailed: 'The file could not be imported: {{reason}}',
  stats: { rows: 'Rows', valid: 'Valid', errors: 'With errors', create: 'New', update: 'Updates' },
  moreErrors: 'Showing the first {{shown}} errors; {{count}} rows have errors.',
  errorsOnly: 'Errors only',
  columns: { row: 'Row', column: 'Column', reason: 'Reason', outcome: 'Outcome' },
  outcome: { error: 'Error', update: 'Updates an existing record' },
  noProblems: 'Every row can be imported',
  commitAll: 'Import all (nothing if any row has errors)',
  commitValid: 'Import the valid rows only',
  commitAllBlocked: 'Rows have errors: fix the file, or import the valid rows only',
  result: 'Import finished: {{created}} created, {{updated}} updated, {{skipped}} rows skipped',
  again: 'Import another file',
};
