import type { AttachmentContentType, AttachmentPurpose } from './attachments.schemas.js';

const MiB = 1024 * 1024;

export type AttachmentSizeLimits = {
  /** Largest photo, scan or PDF, in bytes. */
  maxBytes: number;
  /** Largest video, in bytes. */
  videoMaxBytes: number;
};

export const defaultAttachmentSizeLimits: AttachmentSizeLimits = { maxBytes: 20 * MiB, videoMaxBytes: 100 * MiB };

// A drawn signature is a small PNG/JPEG from a canvas; anything bigger is not a signature.
export const SIGNATURE_MAX_BYTES = 2 * MiB;

// Files one owner may hold: a unit's papers or one order's photos stay well below this.
export const ATTACHMENTS_PER_OWNER = 200;

const images = ['image/jpeg', 'image/png', 'image/webp'] as const;
const papers = [...images, 'application/pdf'] as const;

/** Which types each purpose accepts. */
export const purposeContentTypes: Record<AttachmentPurpose, readonly AttachmentContentType[]> = {
  invoice: papers,
  warranty_card: papers,
  photo: images,
  video: ['video/mp4', 'video/quicktime'],
  document: papers,
  signature: ['image/png', 'image/jpeg'],
};

export function maxBytesFor(purpose: AttachmentPurpose, limits: AttachmentSizeLimits): number {
  switch (purpose) {
    case 'video':
      return limits.videoMaxBytes;
    case 'signature':
      return Math.min(limits.maxBytes, SIGNATURE_MAX_BYTES);
    case 'invoice':
    case 'warranty_card':
    case 'photo':
    case 'document':
      return limits.maxBytes;
    default: {
      const never: never = purpose;
      throw new Error(`unknown purpose ${String(never)}`);
    }
  }
}

/** The most any purpose accepts: the cap the upload parser enforces before the purpose is known. */
export const largestAttachmentBytes = (limits: AttachmentSizeLimits): number => Math.max(limits.maxBytes, limits.videoMaxBytes);

export const contentTypeExtensions: Record<AttachmentContentType, readonly string[]> = {
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/png': ['.png'],
  'image/webp': ['.webp'],
  'application/pdf': ['.pdf'],
  'video/mp4': ['.mp4', '.m4v'],
  'video/quicktime': ['.mov'],
};

/** `accept` attribute of a file picker for these purposes (the server checks the bytes anyway). */
export function acceptFor(purposes: readonly AttachmentPurpose[]): string {
  const types = new Set(purposes.flatMap((p) => purposeContentTypes[p]));
  return [...types].flatMap((t) => [t, ...contentTypeExtensions[t]]).join(',');
}

export const isImageType = (t: AttachmentContentType): boolean => t.startsWith('image/');

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

// ISO base media brands (ftyp) of MP4 files as phones and cameras write them.
const mp4Brands = new Set(['isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VP', 'MSNV', 'dash', '3gp4', '3gp5', '3gp6', '3g2a', 'mmp4']);

/**
 * What a file is, by its first bytes (magic numbers), or null when it is none of the accepted
 * types. Needs at most the first 16 bytes.
 */
export function sniffContentType(head: Uint8Array): AttachmentContentType | null {
  const b = head;
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  if (b.length >= 5 && ascii(b, 0, 5) === '%PDF-') return 'application/pdf';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (brand === 'qt  ') return 'video/quicktime';
    if (mp4Brands.has(brand)) return 'video/mp4';
    return null; // HEIC, AVIF, 3GP audio, … are not accepted
  }
  // Old QuickTime files start with a bare atom instead of ftyp.
  if (b.length >= 8 && ['moov', 'mdat', 'wide'].includes(ascii(b, 4, 8))) return 'video/quicktime';
  return null;
}

/**
 * The file name as stored and offered for download: no folders, no control characters, at most
 * 200 characters (keeping the extension); an empty name becomes `file` plus the type's extension.
 */
export function cleanFileName(raw: string, type: AttachmentContentType): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().replace(/^\.+/, '');
  const fallback = `file${contentTypeExtensions[type][0] ?? ''}`;
  if (!clean) return fallback;
  const chars = [...clean];
  if (chars.length <= 200) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return chars.slice(0, 200 - [...ext].length).join('') + ext;
}

/** Names of the purposes, for messages; the web app has its own in its locale files. */
export const attachmentPurposeNames: Record<AttachmentPurpose, { 'zh-CN': string; en: string }> = {
  invoice: { 'zh-CN': '购机发票', en: 'invoice' },
  warranty_card: { 'zh-CN': '三包凭证', en: 'warranty card' },
  photo: { 'zh-CN': '照片', en: 'photo' },
  video: { 'zh-CN': '视频', en: 'video' },
  document: { 'zh-CN': '文档', en: 'document' },
  signature: { 'zh-CN': '签名', en: 'signature' },
};

/** Short names of the types, for messages (JPEG, PDF, …). */
export const contentTypeNames: Record<AttachmentContentType, string> = {
  'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WebP', 'application/pdf': 'PDF', 'video/mp4': 'MP4', 'video/quicktime': 'MOV',
};
