import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { deleteExpiredSessions } from '../modules/auth/auth.repository.js';

/** Deletes expired sessions every ten minutes; safe to run on every app server at once. */
export function startSessionSweep(db: Db, log: FastifyBaseLogger, everyMs = 10 * 60_000) {
  const run = () => deleteExpiredSessions(db, new Date().toISOString()).catch((err: unknown) => log.warn({ err }, 'session sweep failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
