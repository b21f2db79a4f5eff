import { describe, expect, it } from 'vitest';
import { callbackApiParams, minutesToHours, parseRetryHours } from './callbacks.params';

describe('callback quick views', () => {
  const base = { page: 1, pageSize: 20, sort: undefined, order: undefined, q: undefined };
  it('defaults to the callable queue, earliest deadline first', () => {
    expect(callbackApiParams({ ...base, view: undefined })).toMatchObject({ status: 'pending', callable: true, sort: 'dueAt', order: 'asc' });
    expect(callbackApiParams({ ...base, view: 'bogus' })).toMatchObject({ callable: true });
  });
  it('maps mine, overdue and all', () => {
    expect(callbackApiParams({ ...base, view: 'mine' })).toMatchObject({ assignee: 'me', status: 'pending' });
    expect(callbackApiParams({ ...base, view: 'mine', status: 'completed' })).toMatchObject({ assignee: 'me', status: 'completed' });
    expect(callbackApiParams({ ...base, view: 'overdue' })).toMatchObject({ overdue: true });
    const all = callbackApiParams({ ...base, view: 'all', sort: 'score', order: 'desc' });
    expect(all).toMatchObject({ sort: 'score', order: 'desc' });
    expect(all).not.toHaveProperty('callable');
    expect(all).not.toHaveProperty('view');
  });
});

describe('retry hours', () => {
  it('parses hours in either comma to minutes and refuses junk', () => {
    expect(parseRetryHours('2, 24')).toEqual([120, 1440]);
    expect(parseRetryHours('0.5,4')).toEqual([30, 240]);
    expect(parseRetryHours('')).toEqual([]);
    expect(parseRetryHours('2, x')).toBeNull();
    expect(parseRetryHours('-1')).toBeNull();
    expect(minutesToHours(90)).toBe(1.5);
  });
});
