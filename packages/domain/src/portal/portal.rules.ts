// Pure rules of the portal login: phone form, masking and the one-time code's life.

/** "+86 139-6213-0001" → "13962130001": digits only, the country code dropped. */
export function normalizeMobile(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 15 && digits.startsWith('0086')) return digits.slice(4);
  if (digits.length === 13 && digits.startsWith('86')) return digits.slice(2);
  return digits;
}

/** "13962130001" → "139****0001": enough for the owner to recognise, not to read out. */
export function maskPhone(digits: string): string {
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

export const OTP_POLICY = {
  codeLength: 6,
  ttlSeconds: 5 * 60,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  // Codes per phone per hour, whoever asks: an SMS costs money and annoys the owner.
  maxPerHour: 5,
} as const;

export type OtpState = { createdAt: string; expiresAt: string; attempts: number; consumedAt: string | null };

/** Whether a stored code can still be tried at `now`. */
export function otpStatus(otp: OtpState, now: Date): 'usable' | 'expired' | 'locked' | 'used' {
  if (otp.consumedAt !== null) return 'used';
  if (otp.attempts >= OTP_POLICY.maxAttempts) return 'locked';
  if (Date.parse(otp.expiresAt) <= now.getTime()) return 'expired';
  return 'usable';
}

/** Seconds until another code may be sent to the phone (0 = now), given its codes of the last hour. */
export function otpWaitSeconds(sentAt: readonly string[], now: Date): number {
  const t = now.getTime();
  const recent = sentAt.map((s) => Date.parse(s)).filter((s) => s > t - 3_600_000).sort((a, b) => a - b);
  const last = recent.at(-1);
  const cooldown = last === undefined ? 0 : last + OTP_POLICY.resendAfterSeconds * 1000 - t;
  const first = recent[0];
  const hourly = recent.length >= OTP_POLICY.maxPerHour && first !== undefined ? first + 3_600_000 - t : 0;
  return Math.max(0, Math.ceil(Math.max(cooldown, hourly) / 1000));
}
