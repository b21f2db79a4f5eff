import { describe, expect, it } from 'vitest';
import { contentDisposition, parseByteRange } from './attachments.http.js';

describe('parseByteRange', () => {
  it('reads one range, open-ended and suffix ranges, clamped to the file', () => {
    expect(parseByteRange(undefined, 100)).toBeNull();
    expect(parseByteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=90-500', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange('bytes=-500', 100)).toEqual({ start: 0, end: 99 });
  });

  it('sends the whole file for several ranges and refuses impossible ones', () => {
    expect(parseByteRange('bytes=0-1,5-6', 100)).toBeNull();
    expect(parseByteRange('bytes=100-', 100)).toBe('invalid');
    expect(parseByteRange('bytes=10-5', 100)).toBe('invalid');
    expect(parseByteRange('bytes=-0', 100)).toBe('invalid');
    expect(parseByteRange('bytes=-', 100)).toBe('invalid');
    expect(parseByteRange('items=0-1', 100)).toBe('invalid');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('inline', 'invoice.pdf')).toBe(`inline; filename="invoice.pdf"; filename*=UTF-8''invoice.pdf`);
    expect(contentDisposition('attachment', '三包凭证 (1).jpg')).toBe(`attachment; filename="____ (1).jpg"; filename*=UTF-8''%E4%B8%89%E5%8C%85%E5%87%AD%E8%AF%81%20%281%29.jpg`);
    expect(contentDisposition('inline', 'a"b\\c.pdf')).toBe(`inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
  });
});
