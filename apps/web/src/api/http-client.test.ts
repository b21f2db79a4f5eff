import { describe, expect, it } from 'vitest';
import { toQueryString } from './http-client';

describe('toQueryString', () => {
  it('skips empty values and encodes the rest', () => {
    expect(toQueryString({ page: 2, q: '华东 中心', kind: undefined, parentId: null, sort: '' })).toBe(
      '?page=2&q=%E5%8D%8E%E4%B8%9C+%E4%B8%AD%E5%BF%83',
    );
  });

  it('returns an empty string when nothing is left', () => {
    expect(toQueryString({ q: undefined })).toBe('');
    expect(toQueryString(undefined)).toBe('');
  });
});
