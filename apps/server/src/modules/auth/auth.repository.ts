import type { Db } from '../../db/database.js';
import type { ApiTokensTable, SessionsTable } from '../../db/schema.js';

export function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('users')
    .select(['id', 'username', 'name', 'org_id', 'password_hash', 'is_active', 'failed_logins', 'locked_until', 'must_change_password'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function recordLoginFailure(db: Db, userId: string, failedLogins: number, lockedUntil: string | null, now: string) {
  await db
    .updateTable('users')
    .set({ failed_logins: failedLogins, locked_until: lockedUntil, updated_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function recordLoginSuccess(db: Db, userId: string, now: string) {
  await db
    .updateTable('users')
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(db: Db, row: SessionsTable) {
  await db.insertInto('sessions').values(row).execute();
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string | null) {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function deleteExpiredSessions(db: Db, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}

export async function touchSession(db: Db, id: string, now: string) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
}

/** The user behind a credential, with their org, in one round trip. */
function userWithOrg(db: Db) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select([
      'users.id as user_id',
      'users.username',
      'users.name',
      'users.is_active',
      'users.must_change_password',
      'users.org_id',
      'orgs.name as org_name',
      'orgs.path as org_path',
    ]);
}

export function findSessionActor(db: Db, sessionId: string) {
  return userWithOrg(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.id as session_id', 'sessions.csrf_token', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
}

export function findTokenActor(db: Db, tokenHash: string) {
  return userWithOrg(db)
    .innerJoin('api_tokens', 'api_tokens.user_id', 'users.id')
    .select(['api_tokens.id as token_id', 'api_tokens.expires_at', 'api_tokens.revoked_at', 'api_tokens.last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listRoles(db: Db, userIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (userIds.length === 0) return map;
  const rows = await db.selectFrom('user_roles').select(['user_id', 'role']).where('user_id', 'in', userIds).execute();
  for (const r of rows) {
    const list = map.get(r.user_id) ?? [];
    list.push(r.role);
    map.set(r.user_id, list);
  }
  for (const list of map.values()) list.sort();
  return map;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string, mustChange: boolean, now: string) {
  await db
    .updateTable('users')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: mustChange ? 1 : 0,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

export function getPasswordHash(db: Db, userId: string) {
  return db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
}

export function listTokens(db: Db, userId: string, now: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function insertToken(db: Db, row: ApiTokensTable) {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function revokeToken(db: Db, userId: string, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function touchToken(db: Db, id: string, now: string) {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}
