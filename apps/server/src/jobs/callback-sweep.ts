import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { sweepOverdueCallbacks } from '../modules/callbacks/callbacks.sweep.js';

/** Tells agents about overdue callbacks every ten minutes; each task is reported once. */
export function startCallbackSweep(db: Db, log: FastifyBaseLogger, everyMs = 10 * 60_000) {
  const run = () => sweepOverdueCallbacks(db, new Date()).catch((err: unknown) => log.warn({ err }, 'callback sweep failed'));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
