import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { deleteExpiredSessions } from '../modules/auth/auth.repository.js';
import * as portal from '../modules/portal/portal.repository.js';

/** Expired staff and portal sessions, and portal login codes older than a day. */
export async function sweepSessions(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  await deleteExpiredSessions(db, at);
  await portal.deleteExpiredSessions(db, at);
  await portal.deleteStaleOtps(db, new Date(now.getTime() - 86_400_000).toISOString());
}

/** Sweeps every ten minutes; safe to run on every app server at once. */
export function startSessionSweep(db: Db, log: FastifyBaseLogger, everyMs = 10 * 60_000) {
  const run = () => sweepSessions(db, new Date()).catch((err: unknown) => log.warn({ err }, 'session sweep failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
