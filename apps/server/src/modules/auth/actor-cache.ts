import type { Actor } from '../../context.js';

type Entry = { actor: Actor; tokenId: string | null; expiresAt: number };

/**
 * A short-lived per-process cache of resolved credentials (key: hash of the cookie or token), so
 * an authenticated request does not pay two queries before its real work. Entries live for
 * ACTOR_CACHE_SECONDS; changes made on this server (logout, disable, role change, password reset,
 * token revoke) drop them at once, other app servers see them within that TTL.
 */
const entries = new Map<string, Entry>();
const MAX_ENTRIES = 10_000;

export function getCachedActor(key: string, now: number): Actor | undefined {
  const e = entries.get(key);
  if (!e) return undefined;
  if (e.expiresAt <= now) {
    entries.delete(key);
    return undefined;
  }
  return e.actor;
}

export function cacheActor(key: string, actor: Actor, ttlMs: number, now: number, tokenId: string | null = null): void {
  if (ttlMs <= 0) return;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { actor, tokenId, expiresAt: now + ttlMs });
}

function dropWhere(match: (e: Entry) => boolean): void {
  for (const [key, e] of entries) if (match(e)) entries.delete(key);
}

export const forgetUser = (userId: string) => dropWhere((e) => e.actor.userId === userId);
export const forgetSession = (sessionId: string) => dropWhere((e) => e.actor.sessionId === sessionId);
export const forgetToken = (tokenId: string) => dropWhere((e) => e.tokenId === tokenId);
/** Org moves and deactivations change paths and scopes; they are rare, so start over. */
export const forgetAll = () => entries.clear();
