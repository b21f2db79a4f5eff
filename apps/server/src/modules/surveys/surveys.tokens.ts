import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import * as repo from './surveys.repository.js';

// A survey link's token: `<invitation id>.<random>.<HMAC-SHA256(secret, id.random)>`, base64url.
// The signature lets a forged or altered token be refused before any lookup; the database keeps
// only SHA-256 of the whole token, so a leaked table gives no working links.

const SECRET_KEY = 'survey_token_secret';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export type ParsedToken = { invitationId: string; hash: string };

// 192 bits of the HMAC are plenty and keep the link under the router's 100-character parameter limit.
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest().subarray(0, 24).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * SURVEY_TOKEN_SECRET, else a random key made once per database (the first app server to ask
 * writes it; the others read the same row), so every server signs and checks alike.
 */
export async function tokenSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  const found = await repo.findMeta(db, SECRET_KEY);
  if (found) return found;
  await repo.insertMetaIfAbsent(db, SECRET_KEY, randomBytes(32).toString('base64url'));
  const stored = await repo.findMeta(db, SECRET_KEY);
  if (!stored) throw new Error('survey token secret could not be stored');
  return stored;
}

export function issueToken(secret: string, invitationId: string): { token: string; hash: string } {
  const payload = `${invitationId}.${randomBytes(12).toString('base64url')}`;
  const token = `${payload}.${sign(secret, payload)}`;
  return { token, hash: hashToken(token) };
}

/** The invitation a well-signed token names, or null for anything malformed or forged. */
export function verifyToken(secret: string, token: string): ParsedToken | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [id, nonce, signature] = parts as [string, string, string];
  if (!UUID.test(id) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
  const expected = Buffer.from(sign(secret, `${id}.${nonce}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { invitationId: id, hash: hashToken(token) };
}
