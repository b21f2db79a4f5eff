import type { CommitImportInput, ImportJob, ImportKind } from '@sht/domain';
import { http } from '../../api/http-client';

const one = (token: string) => `/imports/${encodeURIComponent(token)}`;

export const importsApi = {
  // Uploads go through antd's Upload (it reports upload progress); these are its URLs.
  // The client picks the job's token so it can poll the job while the server checks the upload.
  previewUrl: (kind: ImportKind, token: string) => `/api/v1/imports/${kind}/preview?token=${encodeURIComponent(token)}`,
  templateUrl: (kind: ImportKind) => `/api/v1/imports/${kind}/template`,
  job: (token: string, signal?: AbortSignal) => http.get<ImportJob>(one(token), undefined, signal),
  commit: (token: string, input: CommitImportInput) => http.post<ImportJob>(`${one(token)}/commit`, input),
};

/** A random UUID v4; crypto.randomUUID() exists only on https or localhost, a dealer's LAN server may be plain http. */
export function newImportToken(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
