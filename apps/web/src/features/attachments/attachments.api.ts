import type { Attachment, AttachmentList, AttachmentOwnerType, AttachmentPurpose } from '@sht/domain';
import { http, request } from '../../api/http-client';

export type AttachmentLimits = { maxBytes: number; videoMaxBytes: number };

const one = (id: string) => `/attachments/${encodeURIComponent(id)}`;

export const attachmentsApi = {
  list: (ownerType: AttachmentOwnerType, ownerId: string, signal?: AbortSignal) =>
    http.get<AttachmentList>('/attachments', { ownerType, ownerId }, signal),
  limits: (signal?: AbortSignal) => http.get<AttachmentLimits>('/attachments/limits', undefined, signal),
  remove: (id: string) => http.delete(one(id)),
  /** Uploads one file from code (e.g. a signature drawn on screen); the fields go before the file. */
  upload: (fields: UploadFields, file: Blob, fileName: string) => {
    const form = new FormData();
    form.append('ownerType', fields.ownerType);
    form.append('ownerId', fields.ownerId);
    form.append('purpose', fields.purpose);
    form.append('file', file, fileName);
    return request<Attachment>('POST', '/attachments', { body: form });
  },
  /** Where the upload is posted (multipart: ownerType, ownerId, purpose, then file). */
  uploadUrl: '/api/v1/attachments',
  /** The file itself: inline for previews, or as a download. */
  contentUrl: (id: string, download = false) => `/api/v1${one(id)}/content${download ? '?download=1' : ''}`,
};

export type UploadFields = { ownerType: AttachmentOwnerType; ownerId: string; purpose: AttachmentPurpose };
