import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import type { SurveyLinkConfig } from '../modules/surveys/surveys.delivery.js';
import { runDueCampaigns, sendDueReminders } from '../modules/surveys/surveys.sweep.service.js';

/**
 * Every five minutes: periodic campaigns whose next period has come get that period's
 * invitations, and unanswered invitations get their reminders. Safe on every app server at once
 * (both claim their rows with guarded UPDATEs).
 */
export function startSurveySweep(db: Db, links: SurveyLinkConfig, log: FastifyBaseLogger, everyMs = 5 * 60_000) {
  const run = async () => {
    try {
      const now = new Date();
      const periods = await runDueCampaigns(db, links, now, (err, campaignId) => log.warn({ err, campaignId }, 'survey period failed'));
      const reminders = await sendDueReminders(db, links, now);
      if (periods || reminders) log.info({ periods, reminders }, 'survey sweep');
    } catch (err) {
      log.warn({ err }, 'survey sweep failed');
    }
  };
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  void run();
  return { stop: () => clearInterval(timer) };
}
