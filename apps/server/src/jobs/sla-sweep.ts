import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { sweepSla, type SlaAlert } from '../modules/workorders/workorders.sla-sweep.js';

/**
 * Warns and escalates SLA clocks every 30 s. Runs on every app server: each order is claimed by
 * one of them (see workorders.sla-sweep.ts). Sweeps until no due order is left in a round.
 */
export function startSlaSweep(db: Db, log: FastifyBaseLogger, onAlerts: (trx: Db, alerts: SlaAlert[]) => Promise<void>, everyMs = 30_000) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const result = await sweepSla(db, new Date(), 500, onAlerts);
        if (result.alerts.length > 0) log.info({ alerts: result.alerts.length }, 'SLA warnings/breaches recorded');
        if (result.checked < 500) break;
      }
    } catch (err: unknown) {
      log.warn({ err }, 'SLA sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
