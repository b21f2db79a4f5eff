import { afterFailure, defaultRetryPolicy, type RetryPolicy } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { DeliveryError, type Channels } from './notifications.channels.js';
import * as repo from './notifications.repository.js';

export type DispatchOptions = { now?: Date; batchSize?: number; leaseMs?: number; retry?: RetryPolicy };
export type DispatchResult = { sent: number; retried: number; failed: number };

const DEFAULT_LEASE_MS = 5 * 60_000;

async function deliver(channels: Channels, row: repo.OutboxRow): Promise<void> {
  switch (row.channel) {
    case 'email': {
      const url = row.link && channels.publicUrl ? `\n\n${channels.publicUrl}${row.link}` : '';
      return channels.email.send({ to: row.to_address, subject: row.subject ?? '', text: `${row.body}${url}` });
    }
    case 'sms':
      return channels.sms.send({ to: row.to_address, text: row.body });
    default: {
      const never: never = row.channel;
      throw new DeliveryError(`unknown channel ${String(never)}`, true);
    }
  }
}

/**
 * Sends the outbox rows that are due, one claim at a time (see claimOutbox), and records the
 * outcome: sent; retried later with backoff; or failed once the attempts are used up. Delivery
 * is at least once: a server that dies between sending and recording resends after the lease.
 */
export async function dispatchOutbox(db: Db, channels: Channels, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const now = opts.now ?? new Date();
  const retry = opts.retry ?? defaultRetryPolicy;
  const result: DispatchResult = { sent: 0, retried: 0, failed: 0 };
  const due = await repo.listDueOutbox(db, now.toISOString(), opts.batchSize ?? 50);
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  for (const seen of due) {
    const row = await repo.claimOutbox(db, seen, leaseUntil);
    if (!row) continue; // another app server took it
    try {
      await deliver(channels, row);
      await repo.markOutboxSent(db, row.id, (opts.now ?? new Date()).toISOString());
      result.sent++;
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const next = afterFailure(row.attempts, err instanceof DeliveryError && err.isPermanent, retry);
      if (next.action === 'fail') {
        await repo.markOutboxFailed(db, row.id, message);
        result.failed++;
      } else {
        await repo.markOutboxRetry(db, row.id, message, new Date(now.getTime() + next.delayMs).toISOString());
        result.retried++;
      }
    }
  }
  return result;
}

const SENT_RETENTION_DAYS = 30;

/** Deletes outbox rows sent more than 30 days before `now`; returns how many. */
export function purgeSentOutbox(db: Db, now: Date = new Date()): Promise<number> {
  return repo.deleteSentOutbox(db, new Date(now.getTime() - SENT_RETENTION_DAYS * 86_400_000).toISOString());
}
