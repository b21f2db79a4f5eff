import { permissionsOf, roleSchema, scopeFor, type ApiToken, type Me, type Role } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { Config } from '../../config.js';
import type { Actor, AnonymousContext, ServiceContext } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { authErrors } from './auth.errors.js';
import { hashPassword, randomToken, sha256, verifyPassword } from './auth.crypto.js';
import * as repo from './auth.repository.js';
import { cacheActor, forgetSession, forgetToken, forgetUser, getCachedActor } from './actor-cache.js';

export type AuthPolicy = Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes' | 'actorCacheSeconds'>;

// Verifying against a fixed hash when the user does not exist keeps timing from revealing usernames.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-0'));

const MINUTE = 60_000;

export async function login(
  db: Db,
  policy: AuthPolicy,
  ctx: AnonymousContext,
  input: { username: string; password: string },
  userAgent: string | null,
): Promise<{ sessionToken: string; me: Me }> {
  const user = await repo.findUserForLogin(db, input.username);
  if (!user) {
    await verifyPassword(await getDummyHash(), input.password);
    throw authErrors.INVALID_CREDENTIALS();
  }
  const nowIso = ctx.now.toISOString();
  if (user.locked_until && user.locked_until > nowIso) {
    throw authErrors.ACCOUNT_LOCKED({ until: user.locked_until });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    const failures = user.failed_logins + 1;
    const lockedUntil =
      failures >= policy.loginMaxFailures ? new Date(ctx.now.getTime() + policy.loginLockMinutes * MINUTE).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await repo.recordLoginFailure(trx, user.id, lockedUntil ? 0 : failures, lockedUntil, nowIso);
      await recordAudit(trx, ctx, {
        entityType: 'user', entityId: user.id, orgPath: await orgPathOf(trx, user.org_id), action: 'login_failed',
        after: { failures, lockedUntil }, actor: { id: user.id, name: user.name },
      });
    });
    if (lockedUntil) throw authErrors.ACCOUNT_LOCKED({ until: lockedUntil });
    throw authErrors.INVALID_CREDENTIALS();
  }
  if (!user.is_active) throw authErrors.ACCOUNT_DISABLED();

  const sessionToken = randomToken();
  const csrfToken = randomToken(24);
  await db.transaction().execute(async (trx) => {
    await repo.recordLoginSuccess(trx, user.id, nowIso);
    await repo.insertSession(trx, {
      id: sha256(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: nowIso,
      last_seen_at: nowIso,
      expires_at: new Date(ctx.now.getTime() + policy.sessionMaxHours * 60 * MINUTE).toISOString(),
      ip: ctx.ip,
      user_agent: userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, ctx, {
      entityType: 'user', entityId: user.id, orgPath: await orgPathOf(trx, user.org_id), action: 'login', actor: { id: user.id, name: user.name },
    });
  });
  const actor = await resolveSession(db, policy, sessionToken, ctx.now);
  if (!actor) throw authErrors.INVALID_CREDENTIALS();
  return { sessionToken, me: toMe(actor) };
}

async function orgPathOf(db: Db, orgId: string): Promise<string> {
  const row = await db.selectFrom('orgs').select('path').where('id', '=', orgId).executeTakeFirstOrThrow();
  return row.path;
}

export async function logout(db: Db, ctx: ServiceContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (ctx.actor.sessionId) await repo.deleteSession(trx, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: ctx.actor.userId, orgPath: ctx.actor.orgPath, action: 'logout' });
  });
  if (ctx.actor.sessionId) forgetSession(ctx.actor.sessionId);
}

type ActorRow = {
  user_id: string; username: string; name: string; is_active: boolean | number; must_change_password: boolean | number;
  org_id: string; org_name: string; org_path: string;
};

async function toActor(db: Db, row: ActorRow, via: Actor['via'], ids: { sessionId?: string; tokenId?: string }, csrf: string | null): Promise<Actor | null> {
  if (!row.is_active) return null;
  const roles = ((await repo.listRoles(db, [row.user_id])).get(row.user_id) ?? []).filter(
    (r): r is Role => roleSchema.safeParse(r).success,
  );
  return {
    userId: row.user_id,
    username: row.username,
    name: row.name,
    orgId: row.org_id,
    orgName: row.org_name,
    orgPath: row.org_path,
    roles,
    scope: scopeFor(roles, row.org_path),
    via,
    sessionId: ids.sessionId ?? null,
    tokenId: ids.tokenId ?? null,
    csrfToken: csrf,
    mustChangePassword: Boolean(row.must_change_password),
  };
}

/** The actor behind a session cookie, or null when unknown, expired or idle too long. */
export async function resolveSession(db: Db, policy: AuthPolicy, rawToken: string, now: Date): Promise<Actor | null> {
  const row = await repo.findSessionActor(db, sha256(rawToken));
  if (!row) return null;
  const nowIso = now.toISOString();
  const idleDeadline = new Date(Date.parse(row.last_seen_at) + policy.sessionIdleMinutes * MINUTE).toISOString();
  if (row.expires_at <= nowIso || idleDeadline <= nowIso) {
    await repo.deleteSession(db, row.session_id);
    return null;
  }
  // Sliding idle timeout, written at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(row.last_seen_at) > MINUTE) await repo.touchSession(db, row.session_id, nowIso);
  return toActor(db, row, 'session', { sessionId: row.session_id }, row.csrf_token);
}

export async function resolveApiToken(db: Db, rawToken: string, now: Date): Promise<Actor | null> {
  const row = await repo.findTokenActor(db, sha256(rawToken));
  const nowIso = now.toISOString();
  if (!row || row.revoked_at || (row.expires_at && row.expires_at <= nowIso)) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > MINUTE) await repo.touchToken(db, row.token_id, nowIso);
  return toActor(db, row, 'token', { tokenId: row.token_id }, null);
}

/** The caller behind a session cookie or a Bearer token, from the short actor cache or the database. */
export async function authenticate(db: Db, policy: AuthPolicy, credential: { kind: Actor['via']; raw: string }, now: Date): Promise<Actor | null> {
  const key = `${credential.kind}:${sha256(credential.raw)}`;
  const cached = getCachedActor(key, now.getTime());
  if (cached) return cached;
  const actor = credential.kind === 'session'
    ? await resolveSession(db, policy, credential.raw, now)
    : await resolveApiToken(db, credential.raw, now);
  if (actor) cacheActor(key, actor, policy.actorCacheSeconds * 1000, now.getTime(), actor.tokenId);
  return actor;
}

export function toMe(actor: Actor): Me {
  return {
    id: actor.userId,
    username: actor.username,
    name: actor.name,
    orgId: actor.orgId,
    orgName: actor.orgName,
    roles: actor.roles,
    permissions: [...permissionsOf(actor.roles)],
    csrfToken: actor.csrfToken,
    mustChangePassword: actor.mustChangePassword,
  };
}

export async function changeOwnPassword(db: Db, ctx: ServiceContext, input: { currentPassword: string; newPassword: string }) {
  const { password_hash } = await repo.getPasswordHash(db, ctx.actor.userId);
  if (!(await verifyPassword(password_hash, input.currentPassword))) throw authErrors.WRONG_CURRENT_PASSWORD();
  if (input.currentPassword === input.newPassword) throw authErrors.PASSWORD_UNCHANGED();
  const newHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await repo.setPasswordHash(trx, ctx.actor.userId, newHash, false, ctx.now.toISOString());
    // Other devices must log in again with the new password.
    await repo.deleteUserSessions(trx, ctx.actor.userId, ctx.actor.sessionId);
    await recordAudit(trx, ctx, { entityType: 'user', entityId: ctx.actor.userId, orgPath: ctx.actor.orgPath, action: 'password_change' });
  });
  forgetUser(ctx.actor.userId);
}

const MAX_TOKENS = 20;

function toApiToken(r: { id: string; name: string; prefix: string; created_at: string; last_used_at: string | null; expires_at: string | null }): ApiToken {
  return { id: r.id, name: r.name, prefix: r.prefix, createdAt: r.created_at, lastUsedAt: r.last_used_at, expiresAt: r.expires_at };
}

export async function listApiTokens(db: Db, ctx: ServiceContext): Promise<ApiToken[]> {
  return (await repo.listTokens(db, ctx.actor.userId, ctx.now.toISOString())).map(toApiToken);
}

export async function createApiToken(db: Db, ctx: ServiceContext, input: { name: string; expiresInDays?: number | undefined }) {
  const token = `sht_${randomToken()}`;
  const nowIso = ctx.now.toISOString();
  const row = {
    id: newId(),
    user_id: ctx.actor.userId,
    name: input.name,
    prefix: token.slice(0, 10),
    token_hash: sha256(token),
    created_at: nowIso,
    last_used_at: null,
    expires_at: input.expiresInDays ? new Date(ctx.now.getTime() + input.expiresInDays * 1440 * MINUTE).toISOString() : null,
    revoked_at: null,
  };
  await db.transaction().execute(async (trx) => {
    const active = await repo.listTokens(trx, ctx.actor.userId, nowIso);
    if (active.length >= MAX_TOKENS) throw authErrors.TOKEN_LIMIT({ max: MAX_TOKENS });
    await repo.insertToken(trx, row);
    await recordAudit(trx, ctx, {
      entityType: 'api_token', entityId: row.id, orgPath: ctx.actor.orgPath, action: 'token_create', after: { name: row.name, prefix: row.prefix },
    });
  });
  return { ...toApiToken(row), token };
}

export async function revokeApiToken(db: Db, ctx: ServiceContext, id: string) {
  await db.transaction().execute(async (trx) => {
    if (!(await repo.revokeToken(trx, ctx.actor.userId, id, ctx.now.toISOString()))) throw authErrors.TOKEN_NOT_FOUND();
    await recordAudit(trx, ctx, { entityType: 'api_token', entityId: id, orgPath: ctx.actor.orgPath, action: 'token_revoke' });
  });
  forgetToken(id);
}
