import { defineErrors } from '../../http/errors.js';

export const importErrors = defineErrors({
  IMPORT_FILE_MISSING: { status: 400, 'zh-CN': '请上传一个 .xlsx 文件', en: 'Upload one .xlsx file' },
  IMPORT_NOT_XLSX: { status: 415, 'zh-CN': '文件不是有效的 Excel (.xlsx) 文件', en: 'The file is not a valid Excel (.xlsx) workbook' },
  IMPORT_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB', en: 'The file is larger than {maxMb} MB' },
  IMPORT_EMPTY: { status: 422, 'zh-CN': '文件中没有数据行', en: 'The file holds no data rows' },
  IMPORT_MISSING_COLUMNS: { status: 422, 'zh-CN': '缺少必需的列:{columns}', en: 'Required columns are missing: {columns}' },
  IMPORT_TOO_MANY_ROWS: { status: 413, 'zh-CN': '数据行超过 {max} 行,请拆分文件', en: 'More than {max} data rows; split the file' },
  IMPORT_NOT_FOUND: { status: 404, 'zh-CN': '导入任务不存在', en: 'Import job not found' },
  IMPORT_EXPIRED: { status: 410, 'zh-CN': '导入预览已过期,请重新上传', en: 'The import preview has expired; upload the file again' },
  IMPORT_TOKEN_TAKEN: { status: 409, 'zh-CN': '该导入任务编号已被使用', en: 'This import token is already in use' },
  IMPORT_NOT_PENDING: { status: 409, 'zh-CN': '该导入已提交或正在提交', en: 'This import is already committed or being committed' },
  IMPORT_HAS_ERRORS: {
    status: 422,
    'zh-CN': '有 {count} 行存在错误,"全部或不导入"模式下不写入任何数据',
    en: '{count} rows have errors; all-or-nothing mode writes nothing',
  },
});
