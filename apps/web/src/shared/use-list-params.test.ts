import { describe, expect, it } from 'vitest';
import { tableChangePatch } from './use-list-params';

describe('tableChangePatch', () => {
  it('maps page, size and the sorted column to list params', () => {
    expect(tableChangePatch({ current: 3, pageSize: 50 }, {}, { columnKey: 'code', order: 'descend' })).toEqual({
      page: 3,
      pageSize: 50,
      sort: 'code',
      order: 'desc',
    });
    expect(tableChangePatch({ current: 1, pageSize: 20 }, {}, { columnKey: 'name', order: 'ascend' })).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('clears sort and order when the sort is switched off', () => {
    expect(tableChangePatch({ current: 1, pageSize: 20 }, {}, { columnKey: 'code', order: null })).toMatchObject({
      sort: undefined,
      order: undefined,
    });
  });

  it('reads the first sorter of a multi-sort', () => {
    const patch = tableChangePatch({}, {}, [{ columnKey: 'createdAt', order: 'ascend' }, { columnKey: 'code', order: 'descend' }]);
    expect(patch).toMatchObject({ sort: 'createdAt', order: 'asc' });
  });

  it('turns each column filter into one value, and a cleared filter into undefined', () => {
    const patch = tableChangePatch({ current: 1, pageSize: 20 }, { kind: ['region'], isActive: null, serviceLevel: [] }, {});
    expect(patch).toMatchObject({ kind: 'region', isActive: undefined, serviceLevel: undefined });
    expect(Object.keys(patch)).toEqual(expect.arrayContaining(['kind', 'isActive', 'serviceLevel']));
  });
});
