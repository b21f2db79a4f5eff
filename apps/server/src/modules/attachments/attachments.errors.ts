import { defineErrors } from '../../http/errors.js';

export const attachmentErrors = defineErrors({
  ATTACHMENT_NOT_FOUND: { status: 404, 'zh-CN': '附件不存在', en: 'Attachment not found' },
  ATTACHMENT_OWNER_NOT_FOUND: { status: 404, 'zh-CN': '附件所属的记录不存在', en: 'The record the file belongs to was not found' },
  ATTACHMENT_FILE_MISSING: {
    status: 400,
    'zh-CN': '请以 multipart/form-data 上传一个文件(先填 ownerType、ownerId、purpose 字段,再附文件)',
    en: 'Upload one file as multipart/form-data (the ownerType, ownerId and purpose fields first, then the file)',
  },
  ATTACHMENT_FIELDS_INVALID: { status: 400, 'zh-CN': '上传字段不合法', en: 'The upload fields are not valid' },
  ATTACHMENT_PURPOSE_NOT_ALLOWED: { status: 422, 'zh-CN': '此类记录不能上传“{purposeZh}”类附件', en: 'This kind of record takes no {purposeEn} files' },
  ATTACHMENT_EMPTY: { status: 422, 'zh-CN': '文件是空的', en: 'The file is empty' },
  ATTACHMENT_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB 上限', en: 'The file is larger than the {maxMb} MB limit' },
  ATTACHMENT_TYPE_UNRECOGNISED: {
    status: 415,
    'zh-CN': '无法识别的文件类型:只接受 JPEG、PNG、WebP 图片,PDF,以及 MP4、MOV 视频(按文件内容判断,与扩展名无关)',
    en: 'Unrecognised file type: only JPEG, PNG and WebP images, PDF, and MP4 or MOV video are accepted (judged by the content, not the name)',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '“{purposeZh}”类附件只接受 {allowed},而此文件是 {detected}',
    en: 'A {purposeEn} file must be {allowed}; this file is {detected}',
  },
  ATTACHMENT_OWNER_FULL: { status: 409, 'zh-CN': '每条记录最多 {max} 个附件', en: 'A record holds at most {max} files' },
  ATTACHMENT_RANGE_INVALID: { status: 416, 'zh-CN': '请求的字节范围无效', en: 'The requested byte range is not satisfiable' },
});
