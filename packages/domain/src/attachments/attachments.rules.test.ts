import { describe, expect, it } from 'vitest';
import {
  acceptFor, cleanFileName, largestAttachmentBytes, maxBytesFor, purposeContentTypes, sniffContentType, SIGNATURE_MAX_BYTES,
} from './attachments.rules.js';
import { attachmentPurposes, uploadAttachmentFieldsSchema } from './attachments.schemas.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const box = (type: string, brand: string) => bytes([0, 0, 0, 0x18], type, brand, [0, 0, 0, 0]);

describe('sniffContentType', () => {
  it('recognises each accepted type by its first bytes', () => {
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'))).toBe('image/png');
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(box('ftyp', 'isom'))).toBe('video/mp4');
    expect(sniffContentType(box('ftyp', 'mp42'))).toBe('video/mp4');
    expect(sniffContentType(box('ftyp', 'qt  '))).toBe('video/quicktime');
    expect(sniffContentType(box('moov', 'mvhd'))).toBe('video/quicktime');
  });

  it('refuses everything else, whatever the name says', () => {
    expect(sniffContentType(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toBeNull(); // a Windows .exe
    expect(sniffContentType(bytes('hello, this is not a PDF'))).toBeNull();
    expect(sniffContentType(bytes(' %PDF-1.4'))).toBeNull();
    expect(sniffContentType(bytes('GIF89a', [1, 0, 1, 0]))).toBeNull();
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffContentType(box('ftyp', 'heic'))).toBeNull();
    expect(sniffContentType(bytes('PK', [3, 4, 20, 0, 6, 0]))).toBeNull(); // zip / xlsx
    expect(sniffContentType(bytes([0x89], 'PNG'))).toBeNull(); // cut short
    expect(sniffContentType(new Uint8Array())).toBeNull();
  });
});

describe('purposes', () => {
  it('a signature is a PNG or JPEG and small; a video is a video', () => {
    expect(purposeContentTypes.signature).toEqual(['image/png', 'image/jpeg']);
    expect(purposeContentTypes.video).toEqual(['video/mp4', 'video/quicktime']);
    expect(purposeContentTypes.invoice).toContain('application/pdf');
    expect(purposeContentTypes.photo).not.toContain('application/pdf');
  });

  it('takes size limits from the configuration, signatures capped lower', () => {
    const limits = { maxBytes: 10_000_000, videoMaxBytes: 50_000_000 };
    expect(maxBytesFor('invoice', limits)).toBe(10_000_000);
    expect(maxBytesFor('video', limits)).toBe(50_000_000);
    expect(maxBytesFor('signature', limits)).toBe(SIGNATURE_MAX_BYTES);
    expect(maxBytesFor('signature', { maxBytes: 1000, videoMaxBytes: 1000 })).toBe(1000);
    for (const p of attachmentPurposes) expect(maxBytesFor(p, limits)).toBeLessThanOrEqual(largestAttachmentBytes(limits));
  });

  it('builds the file picker accept list', () => {
    expect(acceptFor(['signature'])).toBe('image/png,.png,image/jpeg,.jpg,.jpeg');
    expect(acceptFor(['invoice', 'photo']).split(',')).toContain('.pdf');
  });

  it('validates the upload fields', () => {
    const ownerId = '0b7a3c1e-2f4d-4e5a-9b6c-7d8e9f0a1b2c';
    expect(uploadAttachmentFieldsSchema.parse({ ownerType: 'equipment', ownerId, purpose: 'invoice' })).toEqual({ ownerType: 'equipment', ownerId, purpose: 'invoice' });
    expect(uploadAttachmentFieldsSchema.safeParse({ ownerType: 'ticket', ownerId, purpose: 'invoice' }).success).toBe(false);
    expect(uploadAttachmentFieldsSchema.safeParse({ ownerType: 'equipment', ownerId: 'x', purpose: 'invoice' }).success).toBe(false);
    expect(uploadAttachmentFieldsSchema.safeParse({ ownerType: 'equipment', ownerId, purpose: 'selfie' }).success).toBe(false);
  });
});

describe('cleanFileName', () => {
  it('keeps Chinese names and drops folders, quotes and control characters', () => {
    expect(cleanFileName('发票 2025.pdf', 'application/pdf')).toBe('发票 2025.pdf');
    expect(cleanFileName('C:\\Users\\me\\三包凭证.jpg', 'image/jpeg')).toBe('三包凭证.jpg');
    expect(cleanFileName('../../etc/passwd', 'application/pdf')).toBe('passwd');
    expect(cleanFileName('a"b\r\n.png', 'image/png')).toBe('ab.png');
    expect(cleanFileName('...', 'image/png')).toBe('file.png');
    expect(cleanFileName('', 'application/pdf')).toBe('file.pdf');
  });

  it('shortens long names to 200 characters, keeping the extension', () => {
    const name = cleanFileName(`${'长'.repeat(300)}.pdf`, 'application/pdf');
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('长.pdf')).toBe(true);
  });
});
