import type { FastifyRequest } from 'fastify';
import type { ByteRange, Upload } from './attachments.service.js';

/**
 * The upload of a multipart request: the fields sent before the first file, and that file's
 * stream (unread). Fields after the file are ignored, so the answer does not depend on how
 * the body happens to be split into packets. Undefined when there is no file.
 */
export async function firstFileOf(request: FastifyRequest, maxFileBytes: number): Promise<Upload | undefined> {
  if (!request.isMultipart()) return undefined;
  const fields: Record<string, unknown> = {};
  for await (const part of request.parts({ limits: { fileSize: maxFileBytes } })) {
    if (part.type === 'field') fields[part.fieldname] = part.value;
    else return { fields, fileName: part.filename, stream: part.file };
  }
  return undefined;
}

/**
 * One `bytes=` range of a Range header against a file of `size` bytes: the range, null to send
 * the whole file (no header, or several ranges, which we do not serve), or 'invalid' (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return header.includes(',') ? null : 'invalid';
  const [, from = '', to = ''] = m;
  if (from === '' && to === '') return 'invalid';
  if (from === '') {
    const suffix = Number(to); // the last N bytes
    if (suffix === 0) return 'invalid';
    return { start: Math.max(size - suffix, 0), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'invalid';
  return { start, end };
}

/**
 * Content-Disposition with the original (often Chinese) name: an ASCII fallback for old clients
 * and the UTF-8 name in filename* (RFC 6266 / RFC 5987).
 */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
