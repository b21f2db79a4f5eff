import type { NotificationKind, OutboxChannel } from './notifications.schemas.js';

/**
 * External channels per kind, besides the in-app inbox every kind gets. A technician in the field
 * reads SMS first (assignment, breach, escalation); warnings are e-mail only, so a busy queue does
 * not turn into a stream of texts.
 */
export const kindChannels: Record<NotificationKind, readonly OutboxChannel[]> = {
  assignment: ['email', 'sms'],
  sla_warning: ['email'],
  sla_breach: ['email', 'sms'],
  escalation: ['email', 'sms'],
  customer_message: ['email'],
  status_update: [],
};

export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_BODY_MAX = 2000;
// Carriers split longer texts into several billed parts (70 Chinese characters each).
export const SMS_TEXT_MAX = 300;
export const SMS_SIGNATURE = '【售后通】';

/** Shortens text to `max` characters (code points, so a Chinese character is never cut in half). */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The SMS for an inbox notification: the signature carriers require, the title, the body. */
export function smsText(title: string, body: string): string {
  const text = body ? `${title}:${body}` : title;
  return clip(text.startsWith(SMS_SIGNATURE) ? text : `${SMS_SIGNATURE}${text}`, SMS_TEXT_MAX);
}

/** Only mainland mobile numbers receive SMS (landlines and 400 numbers cannot). */
export function smsNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  const digits = phone.replace(/[\s-]/g, '').replace(/^\+?86/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export type RetryPolicy = { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60 * 60_000 };

/**
 * What to do after a failed delivery attempt (`attempts` counts it): retry after an exponential
 * backoff (1, 2, 4 … minutes, capped), or give up when the attempts are used up or the failure is
 * permanent (a 5xx SMTP reply: the address will not start to exist by retrying).
 */
export function afterFailure(
  attempts: number,
  isPermanent: boolean,
  policy: RetryPolicy = defaultRetryPolicy,
): { action: 'retry'; delayMs: number } | { action: 'fail' } {
  if (isPermanent || attempts >= policy.maxAttempts) return { action: 'fail' };
  const delay = policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);
  return { action: 'retry', delayMs: Math.min(delay, policy.maxDelayMs) };
}
