import fs from 'node:fs';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { SmsDriver } from '../notifications/notifications.channels.js';

/**
 * Sends a login code at once through the SMS driver (not the outbox: a code that arrives after
 * the 15-s dispatch tick is useless). Not awaited, so a known phone answers as fast as an
 * unknown one; a failed send is logged and the customer simply asks again.
 */
export function sendLoginCode(sms: SmsDriver, config: Config, log: Pick<FastifyBaseLogger, 'error'>, phone: string, code: string): void {
  const text = `【售后通】您的登录验证码为 ${code},5 分钟内有效。如非本人操作,请忽略。`;
  // Development and tests only (refused in production by config): browser tests read it here.
  if (config.portal.otpLogFile) fs.appendFileSync(config.portal.otpLogFile, `${JSON.stringify({ to: phone, code })}\n`);
  sms.send({ to: phone, text }).catch((err: unknown) => log.error({ err, to: phone }, 'portal login code not sent'));
}
