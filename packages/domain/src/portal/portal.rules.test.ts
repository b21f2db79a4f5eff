import { describe, expect, it } from 'vitest';
import { maskPhone, normalizeMobile, OTP_POLICY, otpStatus, otpWaitSeconds } from './portal.rules.js';
import { portalLoginSchema, portalNewOrderSchema, requestOtpSchema } from './portal.schemas.js';

describe('portal phone', () => {
  it.each([
    ['13962130001', '13962130001'],
    ['+86 139-6213-0001', '13962130001'],
    ['8613962130001', '13962130001'],
    ['008613962130001', '13962130001'],
    [' 139 6213 0001 ', '13962130001'],
  ])('normalises %s', (raw, digits) => {
    expect(normalizeMobile(raw)).toBe(digits);
    expect(requestOtpSchema.parse({ phone: raw }).phone).toBe(digits);
  });

  it.each(['0512-66881234', '1296213000', '139621300012', 'abc', ''])('refuses %s', (raw) => {
    expect(requestOtpSchema.safeParse({ phone: raw }).success).toBe(false);
  });

  it('masks all but the first three and last four digits', () => {
    expect(maskPhone('13962130001')).toBe('139****0001');
    expect(maskPhone('1234')).toBe('****');
  });

  it('wants a six-digit code', () => {
    expect(portalLoginSchema.safeParse({ phone: '13962130001', code: '12345' }).success).toBe(false);
    expect(portalLoginSchema.safeParse({ phone: '13962130001', code: '12345a' }).success).toBe(false);
    expect(portalLoginSchema.parse({ phone: '13962130001', code: ' 012345 ' }).code).toBe('012345');
  });
});

describe('one-time code', () => {
  const now = new Date('2026-11-23T08:00:00Z');
  const otp = { createdAt: '2026-11-23T07:58:00Z', expiresAt: '2026-11-23T08:03:00Z', attempts: 0, consumedAt: null };

  it('is usable until it expires, is used or has taken its attempts', () => {
    expect(otpStatus(otp, now)).toBe('usable');
    expect(otpStatus({ ...otp, attempts: OTP_POLICY.maxAttempts - 1 }, now)).toBe('usable');
    expect(otpStatus({ ...otp, attempts: OTP_POLICY.maxAttempts }, now)).toBe('locked');
    expect(otpStatus(otp, new Date('2026-11-23T08:03:00Z'))).toBe('expired');
    expect(otpStatus({ ...otp, consumedAt: '2026-11-23T07:59:00Z' }, now)).toBe('used');
  });

  it('waits out the resend cool-down', () => {
    expect(otpWaitSeconds([], now)).toBe(0);
    expect(otpWaitSeconds(['2026-11-23T07:59:30Z'], now)).toBe(30);
    expect(otpWaitSeconds(['2026-11-23T07:59:00Z'], now)).toBe(0);
  });

  it('caps the codes per phone per hour', () => {
    const five = ['07:10', '07:20', '07:30', '07:40', '07:50'].map((t) => `2026-11-23T${t}:00Z`);
    expect(otpWaitSeconds(five, now)).toBe(10 * 60);
    expect(otpWaitSeconds(five.slice(1), now)).toBe(0);
    expect(otpWaitSeconds(['2026-11-23T06:50:00Z', ...five.slice(1)], now)).toBe(0);
  });
});

describe('portal intake', () => {
  it('takes a problem or a complaint with its category, and trims the texts', () => {
    expect(portalNewOrderSchema.parse({ type: 'repair', title: ' 割台不转 ', description: '异响' })).toMatchObject({ title: '割台不转' });
    expect(portalNewOrderSchema.parse({ type: 'complaint', complaintCategory: 'service_quality', title: '迟到', description: '迟到两天' }))
      .toMatchObject({ complaintCategory: 'service_quality' });
    const noCategory = portalNewOrderSchema.safeParse({ type: 'complaint', title: 'x', description: 'y' });
    expect(noCategory.success).toBe(false);
    expect(noCategory.error?.issues[0]?.path).toEqual(['complaintCategory']);
    expect(portalNewOrderSchema.safeParse({ type: 'repair', complaintCategory: 'billing', title: 'x', description: 'y' }).success).toBe(false);
    expect(portalNewOrderSchema.safeParse({ type: 'complaint', complaintCategory: 'rudeness', title: 'x', description: 'y' }).success).toBe(false);
    expect(portalNewOrderSchema.safeParse({ type: 'repair', title: '  ', description: 'y' }).success).toBe(false);
  });
});
