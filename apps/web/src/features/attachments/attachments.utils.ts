import { contentTypeNames, maxBytesFor, purposeContentTypes, type AttachmentPurpose } from '@sht/domain';
import type { AttachmentLimits } from './attachments.api';

/** 1.5 MB, 320 KB, 12 B: binary units, one decimal below 10. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const shown = unit === 0 || value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

/** The largest file a purpose takes, known once the limits are loaded. */
export const purposeMaxBytes = (purpose: AttachmentPurpose, limits: AttachmentLimits | undefined): number | undefined =>
  limits ? maxBytesFor(purpose, limits) : undefined;

/** "JPEG/PNG/PDF": the types a purpose takes, for the hint under the button. */
export const purposeTypeNames = (purpose: AttachmentPurpose): string =>
  purposeContentTypes[purpose].map((t) => contentTypeNames[t]).join('/');

/** The server's message from a failed upload's response body, or the fallback. */
export function uploadErrorMessage(response: unknown, fallback: string): string {
  if (typeof response === 'object' && response !== null && 'message' in response) {
    const message = (response as { message: unknown }).message;
    if (typeof message === 'string' && message) return message;
  }
  return fallback;
}
