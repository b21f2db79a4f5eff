import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { createTestApp, testDialects, type TestApp } from '../../test/test-app.js';
import { createChannels, DeliveryError, LogEmailChannel, LogSmsDriver, SmtpEmailChannel, type Channels, type OutgoingSms, type SmsDriver } from './notifications.channels.js';
import { dispatchOutbox, purgeSentOutbox } from './notifications.dispatcher.js';
import { notify, notifyCustomer } from './notifications.service.js';

type Received = { from: string; to: string[]; raw: string };

/**
 * A real SMTP server on a free 127.0.0.1 port, keeping what it receives. Recipients named
 * `rejected@…` get a permanent 550; `busy@…` a temporary 451 on the first try, then are accepted.
 */
async function startSmtpSink() {
  const received: Received[] = [];
  const busyTries = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const fail = (message: string, code: number) => callback(Object.assign(new Error(message), { responseCode: code }));
      if (address.address.startsWith('rejected@')) return fail('No such user', 550);
      if (address.address.startsWith('busy@')) {
        const tries = (busyTries.get(address.address) ?? 0) + 1;
        busyTries.set(address.address, tries);
        if (tries === 1) return fail('Try again later', 451);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as net.AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port nothing listens on: connecting to it is refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

// ---- a small MIME reader: RFC 2047 encoded words in headers, base64 / quoted-printable bodies ----
const qpBytes = (text: string) => Buffer.from(text.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=)(\s+(?==\?))?/gi, '\u0000$1\u0000').split('\u0000').map((part) => {
    const m = /^=\?([^?]+)\?([BQ])\?([^?]*)\?=$/i.exec(part);
    if (!m) return part;
    return m[2]?.toUpperCase() === 'B' ? Buffer.from(m[3] ?? '', 'base64').toString('binary') : qpBytes((m[3] ?? '').replace(/_/g, ' ')).toString('binary');
  }).join('');
}
function readMail(raw: string): { headers: Map<string, string>; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    // Encoded words are bytes: join them first, then read the whole header as UTF-8.
    headers.set(line.slice(0, colon).toLowerCase(), Buffer.from(decodeWords(line.slice(colon + 1).trim()), 'binary').toString('utf8'));
  }
  const body = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const bytes = encoding === 'base64' ? Buffer.from(body, 'base64') : encoding === 'quoted-printable' ? qpBytes(body.replace(/=\r\n/g, '')) : Buffer.from(body, 'latin1');
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() };
}

class FailingSms implements SmsDriver {
  readonly name = 'failing';
  calls = 0;
  async send(_sms: OutgoingSms): Promise<void> {
    this.calls++;
    throw new DeliveryError('gateway timeout', false);
  }
}

describe.each(testDialects())('notification dispatch on %s', (dialect) => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const at = new Date('2026-11-23T02:00:00.000Z');
  const later = (ms: number) => new Date(at.getTime() + ms);
  const retry = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 60_000 };
  const outbox = () => t.handle.db.selectFrom('notification_outbox').selectAll().orderBy('channel').orderBy('to_address').execute();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.handle.db.deleteFrom('notification_outbox').execute();
    smtp.received.length = 0;
  });

  it('delivers an e-mail to a real SMTP server and the SMS to the log driver, after commit', async () => {
    const techId = await t.userId('huanglei');
    await t.handle.db.updateTable('users').set({ email: 'huanglei@example.com' }).where('id', '=', techId).execute();
    const email = new SmtpEmailChannel(smtp.url, '售后通 <noreply@sht.test>');
    const channels: Channels = { email, sms: new LogSmsDriver(), publicUrl: 'https://service.example.com' };
    await t.handle.db.transaction().execute((trx) =>
      notify(trx, at, {
        userIds: [techId], kind: 'assignment', title: '新工单 WO-20261123-0001:挖掘机无法启动',
        body: '客户:溧阳市天目湖茶叶专业合作社\n地址:天目湖镇桂林村', link: '/work-orders/0b5a2f1e-0000-4000-8000-000000000001',
      }),
    );

    expect(await dispatchOutbox(t.handle.db, channels, { now: at, retry })).toEqual({ sent: 2, retried: 0, failed: 0 });
    email.close();

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(['huanglei@example.com']);
    expect(mail?.from).toBe('noreply@sht.test');
    const { headers, text } = readMail(mail?.raw ?? '');
    expect(headers.get('subject')).toBe('新工单 WO-20261123-0001:挖掘机无法启动');
    expect(headers.get('from')).toBe('售后通 <noreply@sht.test>');
    expect(headers.get('to')).toBe('huanglei@example.com');
    expect(text).toBe('客户:溧阳市天目湖茶叶专业合作社\n地址:天目湖镇桂林村\n\nhttps://service.example.com/work-orders/0b5a2f1e-0000-4000-8000-000000000001');

    expect((channels.sms as LogSmsDriver).sent).toEqual([
      { to: '13962110001', text: '【售后通】新工单 WO-20261123-0001:挖掘机无法启动:客户:溧阳市天目湖茶叶专业合作社\n地址:天目湖镇桂林村' },
    ]);
    const rows = await outbox();
    expect(rows.map((r) => [r.channel, r.status, r.attempts, r.sent_at, r.last_error])).toEqual([
      ['email', 'sent', 1, at.toISOString(), null],
      ['sms', 'sent', 1, at.toISOString(), null],
    ]);
    // Sent rows are not sent again.
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(3_600_000), retry })).toEqual({ sent: 0, retried: 0, failed: 0 });
  });

  it('retries a refused connection with backoff, then marks the row failed', async () => {
    const email = new SmtpEmailChannel(`smtp://127.0.0.1:${await closedPort()}`, 'noreply@sht.test');
    const channels: Channels = { email, sms: new LogSmsDriver() };
    await notifyCustomer(t.handle.db, at, { email: 'jiang@example.com', subject: '维修进度', text: '您的挖掘机已修复' });

    expect(await dispatchOutbox(t.handle.db, channels, { now: at, retry })).toEqual({ sent: 0, retried: 1, failed: 0 });
    let [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 1, next_attempt_at: later(1000).toISOString() });
    expect(row?.last_error).toMatch(/ECONNREFUSED/);

    // Not due before the backoff has passed.
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(999), retry })).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(1000), retry })).toEqual({ sent: 0, retried: 1, failed: 0 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'pending', attempts: 2, next_attempt_at: later(3000).toISOString() });
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(3000), retry })).toEqual({ sent: 0, retried: 0, failed: 1 });
    [row] = await outbox();
    expect(row).toMatchObject({ status: 'failed', attempts: 3, sent_at: null });
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(86_400_000), retry })).toEqual({ sent: 0, retried: 0, failed: 0 });
    email.close();
  });

  it('gives up at once on a 550, and recovers from a 451 on the next attempt', async () => {
    const email = new SmtpEmailChannel(smtp.url, 'noreply@sht.test');
    const channels: Channels = { email, sms: new LogSmsDriver() };
    await notifyCustomer(t.handle.db, at, { email: 'rejected@example.com', text: '已派工' });
    await notifyCustomer(t.handle.db, at, { email: 'busy@example.com', text: '已派工' });

    expect(await dispatchOutbox(t.handle.db, channels, { now: at, retry })).toEqual({ sent: 0, retried: 1, failed: 1 });
    const [busy, rejected] = await outbox();
    expect(rejected).toMatchObject({ status: 'failed', attempts: 1 });
    expect(rejected?.last_error).toMatch(/550/);
    expect(busy).toMatchObject({ status: 'pending', attempts: 1 });
    expect(await dispatchOutbox(t.handle.db, channels, { now: later(1000), retry })).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([['busy@example.com']]);
    email.close();
  });

  it('retries a failing SMS driver until the attempts are used up', async () => {
    const sms = new FailingSms();
    const channels: Channels = { email: new SmtpEmailChannel(smtp.url, 'noreply@sht.test'), sms };
    await notifyCustomer(t.handle.db, at, { phone: '13775190001', text: '工程师已出发,预计 14:00 到达' });
    for (const ms of [0, 1000, 3000]) await dispatchOutbox(t.handle.db, channels, { now: later(ms), retry });
    expect(sms.calls).toBe(3);
    const [row] = await outbox();
    expect(row).toMatchObject({ channel: 'sms', status: 'failed', attempts: 3, last_error: 'gateway timeout' });
  });

  it('sends each row once when several dispatchers run at the same time', async () => {
    for (let i = 0; i < 20; i++) await notifyCustomer(t.handle.db, at, { phone: `1377519${String(i).padStart(4, '0')}`, text: `第 ${i} 条` });
    const drivers = [new LogSmsDriver(), new LogSmsDriver(), new LogSmsDriver()];
    const results = await Promise.all(drivers.map((sms) => dispatchOutbox(t.handle.db, { email: new SmtpEmailChannel(smtp.url, 'x@sht.test'), sms }, { now: at, retry, batchSize: 20 })));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(20);
    const texts = drivers.flatMap((d) => d.sent.map((m) => m.text));
    expect(new Set(texts).size).toBe(20);
    expect(texts).toHaveLength(20);
    expect((await outbox()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('keeps sent rows for 30 days and failed rows for inspection', async () => {
    await notifyCustomer(t.handle.db, at, { phone: '13775190001', text: '已完工' });
    await notifyCustomer(t.handle.db, at, { email: 'rejected@example.com', text: '已完工' });
    const email = new SmtpEmailChannel(smtp.url, 'noreply@sht.test');
    expect(await dispatchOutbox(t.handle.db, { email, sms: new LogSmsDriver() }, { now: at, retry })).toEqual({ sent: 1, retried: 0, failed: 1 });
    email.close();
    expect(await purgeSentOutbox(t.handle.db, later(29 * 86_400_000))).toBe(0);
    expect(await purgeSentOutbox(t.handle.db, later(31 * 86_400_000))).toBe(1);
    expect((await outbox()).map((r) => r.status)).toEqual(['failed']);
  });

  it('picks SMTP when SMTP_URL is set, else a logging e-mail channel; SMS goes to the log driver', () => {
    const base = t.config;
    const withSmtp = createChannels({ ...base, notifications: { ...base.notifications, smtpUrl: smtp.url, publicUrl: 'https://s.example.com' } });
    expect([withSmtp.email.name, withSmtp.sms.name, withSmtp.publicUrl]).toEqual(['smtp', 'log', 'https://s.example.com']);
    (withSmtp.email as SmtpEmailChannel).close();
    expect(createChannels({ ...base, notifications: { ...base.notifications, smtpUrl: undefined } }).email).toBeInstanceOf(LogEmailChannel);
  });
});
