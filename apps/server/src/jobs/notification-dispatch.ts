import type { FastifyBaseLogger } from 'fastify';
import { defaultRetryPolicy } from '@sht/domain';
import type { Db } from '../db/database.js';
import type { Channels } from '../modules/notifications/notifications.channels.js';
import { dispatchOutbox, purgeSentOutbox } from '../modules/notifications/notifications.dispatcher.js';

/**
 * Sends pending e-mail/SMS from the outbox every few seconds. Safe on every app server at once:
 * each row is claimed by one of them. A run never overlaps the previous one in this process.
 * Hourly, rows sent more than 30 days ago are deleted.
 */
export function startNotificationDispatch(db: Db, channels: Channels, log: FastifyBaseLogger, opts: { everyMs: number; maxAttempts: number }) {
  const retry = { ...defaultRetryPolicy, maxAttempts: opts.maxAttempts };
  let running: Promise<void> | undefined;
  const run = () => {
    if (running) return;
    running = dispatchOutbox(db, channels, { retry })
      .then((r) => {
        // Given-up deliveries need a person (wrong address, mail server refusing us).
        if (r.failed > 0) log.warn(r, 'notification deliveries failed for good');
        else if (r.sent + r.retried > 0) log.info(r, 'notification outbox dispatched');
      })
      .catch((err: unknown) => log.warn({ err }, 'notification dispatch failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(run, opts.everyMs);
  timer.unref();
  run();
  const purge = () => void purgeSentOutbox(db).catch((err: unknown) => log.warn({ err }, 'outbox purge failed'));
  const purgeTimer = setInterval(purge, 60 * 60_000);
  purgeTimer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      clearInterval(purgeTimer);
      await running;
    },
  };
}
