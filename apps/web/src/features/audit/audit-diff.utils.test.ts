import { describe, expect, it } from 'vitest';
import { diffSnapshots } from './audit-diff.utils';

describe('diffSnapshots', () => {
  it('marks changed fields and keeps unchanged ones', () => {
    const rows = diffSnapshots({ name: 'A', city: '合肥', version: 1 }, { name: 'B', city: '合肥', version: 2 });
    expect(rows).toEqual([
      { field: 'name', before: 'A', after: 'B', changed: true },
      { field: 'city', before: '合肥', after: '合肥', changed: false },
      { field: 'version', before: 1, after: 2, changed: true },
    ]);
  });

  it('treats null, undefined and empty string as the same empty value', () => {
    const rows = diffSnapshots({ phone: null, email: '' }, { phone: '', email: undefined });
    expect(rows.every((r) => !r.changed)).toBe(true);
  });

  it('lists fields only the before snapshot had, after the others', () => {
    const rows = diffSnapshots({ a: 1, gone: true }, { a: 1, added: 'x' });
    expect(rows.map((r) => r.field)).toEqual(['a', 'added', 'gone']);
  });

  it('shows every field of a created or deleted entity as changed', () => {
    expect(diffSnapshots(null, { code: 'HQ' })).toEqual([{ field: 'code', before: undefined, after: 'HQ', changed: true }]);
    expect(diffSnapshots({ code: 'HQ' }, null)).toEqual([{ field: 'code', before: 'HQ', after: undefined, changed: true }]);
  });

  it('compares arrays and nested objects by value', () => {
    expect(diffSnapshots({ roles: ['sales'] }, { roles: ['sales'] })[0]?.changed).toBe(false);
    expect(diffSnapshots({ roles: ['sales'] }, { roles: ['sales', 'finance'] })[0]?.changed).toBe(true);
  });

  it('falls back to one row when a snapshot is not an object', () => {
    expect(diffSnapshots('old', 'new')).toEqual([{ field: '', before: 'old', after: 'new', changed: true }]);
  });
});
