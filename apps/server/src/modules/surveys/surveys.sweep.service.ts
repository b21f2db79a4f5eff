import { surveyPeriodAt } from '@sht/domain';
import type { Db } from '../../db/database.js';
import { deliverInvitation, type SurveyLinkConfig } from './surveys.delivery.js';
import { invitePeriod } from './surveys.campaigns.service.js';
import * as repo from './surveys.repository.js';
import { issueToken, tokenSecret } from './surveys.tokens.js';

const DAY = 86_400_000;
const rethrow = (err: unknown) => {
  throw err;
};

/**
 * Periodic campaigns whose next period is due: each is claimed by a guarded UPDATE on its
 * version (only one app server wins), then that period's sample is invited, in one transaction.
 */
export async function runDueCampaigns(db: Db, links: SurveyLinkConfig, now: Date, onError: (err: unknown, campaignId: string) => void = rethrow, limit = 20): Promise<number> {
  let runs = 0;
  for (const due of await repo.listDueCampaigns(db, now.toISOString(), limit)) {
    // One campaign that fails (and is retried next sweep) does not hold up the others.
    const ran = await db.transaction().execute(async (trx) => {
      const period = surveyPeriodAt(due.schedule, now);
      const patch = { current_period: period.key, next_run_at: period.nextRunAt, updated_at: now.toISOString() };
      if (!(await repo.updateCampaign(trx, due.id, due.version, patch))) return false;
      // A server that was down for a while catches up with the current period only.
      if (due.current_period === period.key) return true;
      await invitePeriod(trx, now, links, due, period.key);
      return true;
    }).catch((err: unknown) => {
      onError(err, due.id);
      return false;
    });
    if (ran) runs++;
  }
  return runs;
}

/**
 * Reminders for unanswered invitations whose time has come, at most the campaign's count. Each
 * reminder carries a fresh link (its hash stored beside the first; both stay valid).
 */
export async function sendDueReminders(db: Db, links: SurveyLinkConfig, now: Date, limit = 200): Promise<number> {
  let sent = 0;
  const at = now.toISOString();
  for (const inv of await repo.listDueReminders(db, at, limit)) {
    const done = await db.transaction().execute(async (trx) => {
      const count = inv.reminded_count + 1;
      const nextAt = new Date(now.getTime() + inv.remind_after_days * DAY).toISOString();
      const next = count < inv.max_reminders && nextAt < inv.expires_at ? nextAt : null;
      if (!(await repo.claimReminder(trx, inv, next))) return false;
      const { token, hash } = issueToken(await tokenSecret(trx, links.tokenSecret), inv.id);
      await repo.insertToken(trx, { token_hash: hash, invitation_id: inv.id, issued_at: at });
      await deliverInvitation(trx, now, links, inv, inv.campaign_name, token, true);
      return true;
    });
    if (done) sent++;
  }
  return sent;
}
