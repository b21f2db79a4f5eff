import type { CommitImportInput, ImportJob, ImportKind } from '@sht/domain';
import { http } from '../../api/http-client';

const one = (token: string) => `/imports/${encodeURIComponent(token)}`;

export const importsApi = {
  // Uploads go through antd's Upload (it reports upload progress); these are its URLs.
  previewUrl: (kind: ImportKind) => `/api/v1/imports/${kind}/preview`,
  templateUrl: (kind: ImportKind) => `/api/v1/imports/${kind}/template`,
  job: (token: string, signal?: AbortSignal) => http.get<ImportJob>(one(token), undefined, signal),
  commit: (token: string, input: CommitImportInput) => http.post<ImportJob>(`${one(token)}/commit`, input),
};
