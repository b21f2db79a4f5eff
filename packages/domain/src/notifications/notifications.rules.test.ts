import { describe, expect, it } from 'vitest';
import { afterFailure, clip, kindChannels, smsNumber, smsText, SMS_TEXT_MAX } from './notifications.rules.js';
import { appLinkSchema, listNotificationsQuerySchema, notificationKinds } from './notifications.schemas.js';

describe('channels per kind', () => {
  it('names every kind, and status updates for staff stay in the inbox', () => {
    expect(Object.keys(kindChannels).sort()).toEqual([...notificationKinds].sort());
    expect(kindChannels.status_update).toEqual([]);
    expect(kindChannels.sla_breach).toEqual(['email', 'sms']);
    expect(kindChannels.sla_warning).toEqual(['email']);
  });
});

describe('smsNumber', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['025-52761234', null],
    ['400-820-1888', null],
    ['12345678901', null],
    ['', null],
    [null, null],
  ])('%s → %s', (phone, want) => {
    expect(smsNumber(phone)).toBe(want);
  });
});

describe('smsText and clip', () => {
  it('adds the signature once and joins title and body', () => {
    expect(smsText('工单已派给您', 'WO-1 挖掘机不启动')).toBe('【售后通】工单已派给您:WO-1 挖掘机不启动');
    expect(smsText('【售后通】验证码 123456', '')).toBe('【售后通】验证码 123456');
  });
  it('never cuts a character in half and keeps to the limit', () => {
    const long = smsText('标题', '修'.repeat(1000));
    expect(Array.from(long)).toHaveLength(SMS_TEXT_MAX);
    expect(long.endsWith('修…')).toBe(true);
    expect(clip('😀😀😀', 2)).toBe('😀…');
    expect(clip('短', 2)).toBe('短');
  });
});

describe('afterFailure', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 };
  it('backs off exponentially up to the cap, then gives up', () => {
    expect(afterFailure(1, false, policy)).toEqual({ action: 'retry', delayMs: 1000 });
    expect(afterFailure(2, false, policy)).toEqual({ action: 'retry', delayMs: 2000 });
    expect(afterFailure(3, false, policy)).toEqual({ action: 'retry', delayMs: 3000 });
    expect(afterFailure(4, false, policy)).toEqual({ action: 'fail' });
  });
  it('gives up at once on a permanent failure', () => {
    expect(afterFailure(1, true, policy)).toEqual({ action: 'fail' });
  });
});

describe('schemas', () => {
  it('accepts app paths only', () => {
    expect(appLinkSchema.safeParse('/work-orders/1?tab=sla').success).toBe(true);
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil', 'work-orders/1', '/a b']) {
      expect(appLinkSchema.safeParse(bad).success).toBe(false);
    }
  });
  it('lists newest first by default and reads unread as a boolean', () => {
    expect(listNotificationsQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20, order: 'desc' });
    expect(listNotificationsQuerySchema.parse({ unread: 'true' }).unread).toBe(true);
    expect(listNotificationsQuerySchema.parse({ unread: '0' }).unread).toBe(false);
    expect(listNotificationsQuerySchema.safeParse({ unread: 'yes' }).success).toBe(false);
    expect(listNotificationsQuerySchema.safeParse({ kind: 'spam' }).success).toBe(false);
  });
});
