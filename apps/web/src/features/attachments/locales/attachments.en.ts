import type { attachmentsZh } from './attachments.zh-CN';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

export const attachmentsEn: Widen<typeof attachmentsZh> = {
  title: 'Attachments',
  empty: 'No attachments yet',
  upload: 'Upload file',
  purpose: 'Kind',
  fileName: 'File name',
  size: 'Size',
  uploadedBy: 'Uploaded by',
  uploadedAt: 'Uploaded at',
  preview: 'Preview',
  download: 'Download',
  delete: 'Delete',
  deleteConfirm: 'Delete the attachment "{{name}}"?',
  deleted: 'Attachment deleted',
  uploaded: '"{{name}}" uploaded',
  uploadFailed: '"{{name}}" was not uploaded: {{reason}}',
  tooLarge: 'The file is larger than {{max}}',
  hint: '{{types}}, up to {{max}} per file',
  purposes: {
    invoice: 'Invoice',
    warranty_card: 'Warranty card',
    photo: 'Photo',
    video: 'Video',
    document: 'Document',
    signature: 'Signature',
  },
};
