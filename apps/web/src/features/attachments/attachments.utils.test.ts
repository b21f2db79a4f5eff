import { describe, expect, it } from 'vitest';
import { formatBytes, purposeMaxBytes, purposeTypeNames, uploadErrorMessage } from './attachments.utils';

describe('attachment helpers', () => {
  it('formats sizes in binary units', () => {
    expect(formatBytes(12)).toBe('12 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(320 * 1024)).toBe('320 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(1.25 * 1024 * 1024 * 1024)).toBe('1.3 GB');
  });

  it('knows each purpose limit and types', () => {
    const limits = { maxBytes: 20 * 1024 * 1024, videoMaxBytes: 100 * 1024 * 1024 };
    expect(purposeMaxBytes('video', limits)).toBe(100 * 1024 * 1024);
    expect(purposeMaxBytes('signature', limits)).toBe(2 * 1024 * 1024);
    expect(purposeMaxBytes('invoice', undefined)).toBeUndefined();
    expect(purposeTypeNames('signature')).toBe('PNG/JPEG');
  });

  it('reads the server message of a refused upload', () => {
    expect(uploadErrorMessage({ code: 'ATTACHMENT_TOO_LARGE', message: '文件超过 20 MB 上限' }, 'x')).toBe('文件超过 20 MB 上限');
    expect(uploadErrorMessage('<html>502</html>', '上传失败')).toBe('上传失败');
    expect(uploadErrorMessage(undefined, '上传失败')).toBe('上传失败');
  });
});
