import type { FastifyBaseLogger } from 'fastify';
import { defaultRetryPolicy } from '@sht/domain';
import type { Db } from '../db/database.js';
import type { Channels } from '../modules/notifications/notifications.channels.js';
import { dispatchOutbox } from '../modules/notifications/notifications.dispatcher.js';

/**
 * Sends pending e-mail/SMS from the outbox every few seconds. Safe on every app server at once:
 * each row is claimed by one of them. A run never overlaps the previous one in this process.
 */
export function startNotificationDispatch(db: Db, channels: Channels, log: FastifyBaseLogger, opts: { everyMs: number; maxAttempts: number }) {
  const retry = { ...defaultRetryPolicy, maxAttempts: opts.maxAttempts };
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = dispatchOutbox(db, channels, { retry })
      .then((r) => {
        if (r.sent + r.retried + r.failed > 0) log.info(r, 'notification outbox dispatched');
      })
      .catch((err: unknown) => log.warn({ err }, 'notification dispatch failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, opts.everyMs);
  timer.unref();
  run();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
