import { randomInt } from 'node:crypto';
import { maskPhone, OTP_POLICY, otpStatus, otpWaitSeconds, type OtpSent, type PortalLoginInput, type PortalMe } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { AnonymousContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { randomToken, safeEqual, sha256 } from '../auth/auth.crypto.js';
import { portalErrors } from './portal.errors.js';
import * as repo from './portal.repository.js';

const HOUR = 3_600_000;

/** Who a portal session speaks for: every active customer with the phone, looked up per request. */
export type PortalCaller = {
  sessionId: string;
  phone: string;
  csrfToken: string;
  expiresAt: string;
  customers: { id: string; name: string; orgPath: string }[];
};

// Salted with the row id, so equal codes never share a hash.
const codeHash = (otpId: string, code: string) => sha256(`${otpId}:${code}`);

/**
 * 获取验证码: stores a code for any well-formed phone (a known one gets the SMS) and answers the
 * same either way, so the endpoint does not tell which phones are customers'. Cool-down and the
 * hourly cap apply per phone, known or not. Returns the code to send, if any.
 */
export async function requestOtp(db: Db, ctx: AnonymousContext, phone: string): Promise<{ answer: OtpSent; code: string | null }> {
  const customers = await repo.listCustomersByPhone(db, phone);
  const code = String(randomInt(0, 10 ** OTP_POLICY.codeLength)).padStart(OTP_POLICY.codeLength, '0');
  const now = ctx.now.getTime();
  await db.transaction().execute(async (trx) => {
    const wait = otpWaitSeconds(await repo.listOtpTimes(trx, phone, new Date(now - HOUR).toISOString()), ctx.now);
    if (wait > 0) throw portalErrors.OTP_WAIT({ seconds: wait });
    await repo.deleteOldOtps(trx, phone, new Date(now - 24 * HOUR).toISOString());
    const id = newId();
    await repo.insertOtp(trx, {
      id, phone, code_hash: codeHash(id, code), created_at: ctx.now.toISOString(),
      expires_at: new Date(now + OTP_POLICY.ttlSeconds * 1000).toISOString(), attempts: 0, consumed_at: null, ip: ctx.ip,
    });
  });
  return {
    answer: { sent: true, expiresInSeconds: OTP_POLICY.ttlSeconds, resendAfterSeconds: OTP_POLICY.resendAfterSeconds },
    code: customers.length > 0 ? code : null,
  };
}

/** 验证码登录: the phone's latest code, at most five tries; success opens a portal session. */
export async function loginWithOtp(
  db: Db,
  ctx: AnonymousContext,
  input: PortalLoginInput,
  session: { minutes: number; userAgent: string | null },
): Promise<{ token: string; me: PortalMe }> {
  const otp = await repo.findLatestOtp(db, input.phone);
  if (!otp) throw portalErrors.OTP_INVALID();
  const status = otpStatus({ createdAt: otp.created_at, expiresAt: otp.expires_at, attempts: otp.attempts, consumedAt: otp.consumed_at }, ctx.now);
  if (status === 'locked') throw portalErrors.OTP_LOCKED();
  if (status !== 'usable') throw portalErrors.OTP_INVALID();
  if (!safeEqual(codeHash(otp.id, input.code), otp.code_hash)) {
    const counted = await repo.addOtpAttempt(db, otp.id, otp.attempts);
    if (counted && otp.attempts + 1 >= OTP_POLICY.maxAttempts) throw portalErrors.OTP_LOCKED();
    throw portalErrors.OTP_INVALID();
  }
  const customers = await repo.listCustomersByPhone(db, input.phone);
  const token = randomToken();
  const nowIso = ctx.now.toISOString();
  const row = {
    id: sha256(token), phone: input.phone, csrf_token: randomToken(24), created_at: nowIso,
    expires_at: new Date(ctx.now.getTime() + session.minutes * 60_000).toISOString(), ip: ctx.ip, user_agent: session.userAgent?.slice(0, 300) ?? null,
  };
  await db.transaction().execute(async (trx) => {
    // Guarded by the attempts seen: a wrong try racing this one wins, and a code logs in once.
    if (!(await repo.consumeOtp(trx, otp.id, otp.attempts, nowIso))) throw portalErrors.OTP_INVALID();
    if (customers.length === 0) return; // deactivated since the code was sent
    await repo.deleteExpiredSessions(trx, nowIso);
    await repo.insertSession(trx, row);
    for (const c of customers) {
      await recordAudit(trx, ctx, { entityType: 'customer', entityId: c.id, orgPath: c.org_path, action: 'login', actor: { id: null, name: `${c.name}(客户)` }, after: { via: 'portal' } });
    }
  });
  if (customers.length === 0) throw portalErrors.OTP_INVALID();
  return {
    token,
    me: toPortalMe({ sessionId: row.id, phone: row.phone, csrfToken: row.csrf_token, expiresAt: row.expires_at, customers: customers.map(toCustomer) }),
  };
}

const toCustomer = (c: { id: string; name: string; org_path: string }) => ({ id: c.id, name: c.name, orgPath: c.org_path });

/** The caller behind a portal cookie, or null when unknown, expired or no longer any customer's phone. */
export async function resolvePortalSession(db: Db, rawToken: string, now: Date): Promise<PortalCaller | null> {
  const row = await repo.findSession(db, sha256(rawToken));
  if (!row) return null;
  const expiresAt = new Date(row.expires_at).toISOString();
  if (Date.parse(expiresAt) <= now.getTime()) {
    await repo.deleteSession(db, row.id);
    return null;
  }
  const customers = await repo.listCustomersByPhone(db, row.phone);
  if (customers.length === 0) return null;
  return { sessionId: row.id, phone: row.phone, csrfToken: row.csrf_token, expiresAt, customers: customers.map(toCustomer) };
}

export async function logoutPortal(db: Db, ctx: AnonymousContext, caller: PortalCaller): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await repo.deleteSession(trx, caller.sessionId);
    for (const c of caller.customers) {
      await recordAudit(trx, ctx, { entityType: 'customer', entityId: c.id, orgPath: c.orgPath, action: 'logout', actor: { id: null, name: `${c.name}(客户)` }, after: { via: 'portal' } });
    }
  });
}

export function toPortalMe(caller: PortalCaller): PortalMe {
  return {
    maskedPhone: maskPhone(caller.phone),
    customers: caller.customers.map((c) => ({ id: c.id, name: c.name })),
    csrfToken: caller.csrfToken,
    expiresAt: caller.expiresAt,
  };
}
