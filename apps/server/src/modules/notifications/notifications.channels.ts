import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';

export type OutgoingEmail = { to: string; subject: string; text: string };
export type OutgoingSms = { to: string; text: string };

/** A channel reports a failure by throwing; `isPermanent` failures are not retried. */
export class DeliveryError extends Error {
  constructor(message: string, readonly isPermanent: boolean) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface EmailChannel {
  readonly name: string;
  send(mail: OutgoingEmail): Promise<void>;
}

/** The SMS provider seam; the customer portal's one-time login codes go through it too. */
export interface SmsDriver {
  readonly name: string;
  send(sms: OutgoingSms): Promise<void>;
}

export type Channels = { email: EmailChannel; sms: SmsDriver; publicUrl?: string | undefined };

const KEEP_LAST = 50;

/** Development SMS driver: logs the text and keeps the last messages in memory. */
export class LogSmsDriver implements SmsDriver {
  readonly name = 'log';
  readonly sent: OutgoingSms[] = [];
  constructor(private readonly log?: Pick<FastifyBaseLogger, 'info'>) {}

  async send(sms: OutgoingSms): Promise<void> {
    this.log?.info({ to: sms.to, text: sms.text }, 'SMS (log driver, not sent)');
    this.sent.push(sms);
    if (this.sent.length > KEEP_LAST) this.sent.shift();
  }
}

/** E-mail without SMTP_URL: logged and kept in memory, never sent. */
export class LogEmailChannel implements EmailChannel {
  readonly name = 'log';
  readonly sent: OutgoingEmail[] = [];
  constructor(private readonly log?: Pick<FastifyBaseLogger, 'info'>) {}

  async send(mail: OutgoingEmail): Promise<void> {
    this.log?.info({ to: mail.to, subject: mail.subject }, 'e-mail (no SMTP_URL, not sent)');
    this.sent.push(mail);
    if (this.sent.length > KEEP_LAST) this.sent.shift();
  }
}

/** E-mail through an SMTP server (nodemailer); a 5xx reply is a permanent failure. */
export class SmtpEmailChannel implements EmailChannel {
  readonly name = 'smtp';
  private readonly transport;
  constructor(url: string, private readonly from: string) {
    // Short timeouts: a dead mail server must not hold the dispatcher for minutes.
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(mail: OutgoingEmail): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode;
      const isPermanent = typeof code === 'number' && code >= 500 && code < 600;
      throw new DeliveryError(err instanceof Error ? err.message : String(err), isPermanent);
    }
  }

  close(): void {
    this.transport.close();
  }
}

export function createChannels(config: Config, log?: Pick<FastifyBaseLogger, 'info'>): Channels {
  const n = config.notifications;
  const email = n.smtpUrl ? new SmtpEmailChannel(n.smtpUrl, n.smtpFrom) : new LogEmailChannel(log);
  const sms = new LogSmsDriver(log); // SMS_DRIVER=log is the only driver so far
  return { email, sms, publicUrl: n.publicUrl };
}
