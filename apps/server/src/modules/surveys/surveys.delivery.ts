import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { notify, notifyCustomer } from '../notifications/notifications.service.js';
import type { InvitationRow } from './surveys.repository.js';

/** Where links point: PUBLIC_URL when set (SMS needs an absolute address), else an app path. */
export type SurveyLinkConfig = { publicUrl: string | undefined; tokenSecret: string | undefined };

export const surveyPath = (token: string) => `/s/${token}`;

const localDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * Sends one invitation (or a reminder) with its personal link, in the caller's transaction:
 * customers by SMS through the outbox, dealers' managers and staff as an inbox item (plus
 * e-mail/SMS to their addresses on record).
 */
export async function deliverInvitation(
  trx: Db, at: ServiceContext | Date, links: SurveyLinkConfig,
  inv: Pick<InvitationRow, 'customer_id' | 'user_id' | 'respondent_name' | 'phone' | 'email' | 'expires_at' | 'id'>,
  campaignName: string, token: string, isReminder: boolean,
): Promise<void> {
  const path = surveyPath(token);
  const url = links.publicUrl ? `${links.publicUrl}${path}` : path;
  const until = localDate(inv.expires_at);
  const lead = isReminder ? '温馨提醒:您尚未填写' : '诚邀您填写';
  if (inv.user_id) {
    await notify(trx, at, {
      userIds: [inv.user_id], kind: 'status_update', title: `${isReminder ? '提醒:' : ''}满意度调查 · ${campaignName}`,
      body: `${inv.respondent_name}您好,${lead}「${campaignName}」,${until} 前有效:${url}`, link: path,
      entity: { type: 'survey_invitation', id: inv.id }, channels: ['email'], includeActor: true,
    });
    return;
  }
  await notifyCustomer(trx, at, {
    phone: inv.phone, email: inv.email, subject: `满意度调查 · ${campaignName}`, link: path,
    text: `【售后通】${inv.respondent_name}您好,${lead}服务满意度调查,${until} 前有效:${url}`,
  });
}
