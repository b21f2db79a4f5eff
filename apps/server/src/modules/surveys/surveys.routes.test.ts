import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { runDueCampaigns, sendDueReminders } from './surveys.sweep.service.js';
import { issueToken, tokenSecret } from './surveys.tokens.js';

type Template = { id: string; version: number; familyId: string; isInUse: boolean; questions: { id: string }[] };
type Campaign = { id: string; version: number; status: string; invited: number; answered: number; responseRate: number; seed: number; nextRunAt: string | null; currentPeriod: string | null };
type Launch = { campaign: Campaign; period: string; candidates: number; invited: number };

const questions = [
  { id: 'exp_time', kind: 'rating', text: '您期望服务人员准时到达的程度', scale: 5, dimension: 'reliability', pairId: 'p1', pairRole: 'expectation' },
  { id: 'per_time', kind: 'rating', text: '服务人员实际准时到达的程度', scale: 5, dimension: 'reliability', pairId: 'p1', pairRole: 'perception' },
  { id: 'attitude', kind: 'rating', text: '服务态度', scale: 5, dimension: 'empathy' },
  { id: 'nps', kind: 'nps', text: '您向朋友推荐我们的可能性' },
  { id: 'fixed', kind: 'single', text: '故障是否彻底排除', options: [{ value: 'yes', label: '是' }, { value: 'no', label: '否' }] },
  { id: 'advice', kind: 'text', text: '意见和建议', required: false },
];
const goodAnswers = { exp_time: 5, per_time: 5, attitude: 5, nps: 10, fixed: 'yes', advice: '师傅很专业' };
const lowAnswers = { exp_time: 5, per_time: 1, attitude: 2, nps: 2, fixed: 'no' };

describe.each(testDialects())('surveys on %s', (dialect) => {
  let t: TestApp;
  let manager: Session;
  let agent: Session;
  const links = () => ({ publicUrl: undefined, tokenSecret: undefined });
  const sessions = new Map<string, Promise<Session>>();
  const login = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, t.login(username));
    return sessions.get(username) as Promise<Session>;
  };
  const count = async (table: 'survey_responses' | 'survey_answers' | 'survey_invitations' | 'recovery_cases') =>
    Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  const createTemplate = async (audience: string, name = '售后服务满意度调查表') => {
    const res = await t.call(manager, 'POST', '/api/v1/survey-templates', { name, audience, description: '感谢您抽出宝贵时间', questions });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Template>();
  };
  const createCampaign = async (body: Record<string, unknown>) => {
    const res = await t.call(manager, 'POST', '/api/v1/survey-campaigns', { name: '2026 年 11 月客户满意度调查', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Campaign>();
  };
  const launch = async (c: Campaign) => {
    const res = await t.call(manager, 'POST', `/api/v1/survey-campaigns/${c.id}/launch`, { version: c.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Launch>();
  };
  // The personal links sent: customers' SMS texts in the outbox, staff's inbox links.
  const sentTokens = async (): Promise<string[]> => {
    const sms = await t.handle.db.selectFrom('notification_outbox').select(['body as text', 'created_at']).where('body', 'like', '%/s/%').execute();
    const inbox = await t.handle.db.selectFrom('notifications').select(['link as text', 'created_at']).where('entity_type', '=', 'survey_invitation').execute();
    return [...sms, ...inbox].sort((a, b) => a.created_at.localeCompare(b.created_at)).map((r) => /\/s\/([A-Za-z0-9_.-]+)/.exec(r.text ?? '')?.[1] ?? '');
  };
  const finishConsultation = async (customerId: string) => {
    const res = await t.call(agent, 'POST', '/api/v1/work-orders', {
      type: 'consultation', priority: 'normal', channel: 'hotline', customerId, title: '保养咨询', description: '询问保养周期', callerName: '机主', callerPhone: '13962130001',
    });
    expect(res.statusCode, res.body).toBe(201);
    let order = res.json<{ id: string; version: number }>();
    for (const body of [{ action: 'accept' }, { action: 'resolve', diagnosis: { symptom: '咨询', cause: '不了解保养要求', action: '告知保养周期' } }]) {
      const r = await t.call(agent, 'POST', `/api/v1/work-orders/${order.id}/transitions`, { version: order.version, ...body });
      expect(r.statusCode, r.body).toBe(200);
      order = r.json();
    }
    return order.id;
  };

  let customerTemplate: Template;
  let customerCampaign: Launch;
  let tokens: string[] = [];
  let seededResponses = 0; // the demo seed's own survey history

  beforeAll(async () => {
    t = await createTestApp(dialect);
    manager = await login('wangjianguo');
    agent = await login('lixiuying');
    const customers = await t.handle.db.selectFrom('customers').select('id').where('is_active', '=', 1).orderBy('id').limit(4).execute();
    for (const c of customers) await finishConsultation(c.id);
    seededResponses = await count('survey_responses');
  });
  afterAll(async () => t.close());

  it('refuses a bad template at the field and stores nothing', async () => {
    const before = (await t.call(manager, 'GET', '/api/v1/survey-templates')).json().total;
    const res = await t.call(manager, 'POST', '/api/v1/survey-templates', {
      name: '坏模板', audience: 'customer', questions: [{ id: 'a', kind: 'rating', text: '评分', scale: 12 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual(['body', 'questions', 0, 'scale']);
    expect((await t.call(manager, 'GET', '/api/v1/survey-templates')).json().total).toBe(before);
  });

  it('launches a customer campaign to exactly round(share × N) respondents, each with a personal SMS link', async () => {
    customerTemplate = await createTemplate('customer');
    const finished = await t.handle.db.selectFrom('work_orders').select('customer_id').distinct()
      .where('type', '=', 'consultation').where('status', 'in', ['resolved', 'confirmed', 'closed']).execute();
    expect(finished.length).toBeGreaterThanOrEqual(4);
    // A window with no finished orders: nobody to ask, nothing stored (the demo seed has its own campaigns).
    const invitedBefore = await count('survey_invitations');
    const empty = await createCampaign({ templateId: customerTemplate.id, target: { from: '2020-01-01', to: '2020-12-31' } });
    const refused = await t.call(manager, 'POST', `/api/v1/survey-campaigns/${empty.id}/launch`, { version: empty.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SURVEY_NO_RESPONDENTS');
    expect(await count('survey_invitations')).toBe(invitedBefore);
    expect((await t.call(manager, 'GET', `/api/v1/survey-campaigns/${empty.id}`)).json().status).toBe('draft');
    const draft = await createCampaign({ templateId: customerTemplate.id, sampleShare: 0.75, seed: 1234, target: { orderTypes: ['consultation'] } });
    expect(draft).toMatchObject({ status: 'draft', seed: 1234, invited: 0 });
    customerCampaign = await launch(draft);
    expect(customerCampaign.candidates).toBe(finished.length);
    expect(customerCampaign.invited).toBe(Math.round(0.75 * finished.length));
    expect(customerCampaign.campaign).toMatchObject({ status: 'active', invited: customerCampaign.invited, answered: 0, responseRate: 0 });
    tokens = await sentTokens();
    expect(tokens).toHaveLength(customerCampaign.invited);
    expect(tokens.every((x) => x.length > 80)).toBe(true);
    // Only hashes are kept: no stored token equals a sent one.
    const stored = await t.handle.db.selectFrom('survey_tokens').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(tokens[0]);
    // The template is now frozen in use.
    expect((await t.call(manager, 'GET', `/api/v1/survey-templates/${customerTemplate.id}`)).json().isInUse).toBe(true);
    // Launching twice is refused.
    const again = await t.call(manager, 'POST', `/api/v1/survey-campaigns/${draft.id}/launch`, { version: customerCampaign.campaign.version });
    expect(again.json().code).toBe('SURVEY_CAMPAIGN_NOT_DRAFT');
  });

  it('shows the survey by its link without personal data beyond the greeting', async () => {
    const res = await t.call(null, 'GET', `/api/v1/public/surveys/${tokens[0]}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.title).toBe('售后服务满意度调查表');
    expect(body.questions).toHaveLength(6);
    expect(Object.keys(body).sort()).toEqual(['description', 'expiresAt', 'greeting', 'questions', 'title']);
  });

  it('refuses answers out of range or missing, and stores nothing', async () => {
    const before = { responses: await count('survey_responses'), answers: await count('survey_answers') };
    const bad = await t.call(null, 'POST', `/api/v1/public/surveys/${tokens[0]}`, { answers: { ...goodAnswers, attitude: 6, fixed: 'maybe' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SURVEY_ANSWERS_INVALID');
    const issues = bad.json().details.issues.map((i: { path: string[]; code: string }) => [i.path.join('.'), i.code]);
    expect(issues).toEqual([['body.answers.attitude', 'out_of_range'], ['body.answers.fixed', 'unknown_option']]);
    const missing = await t.call(null, 'POST', `/api/v1/public/surveys/${tokens[0]}`, { answers: { exp_time: 5 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.issues.map((i: { path: string[] }) => i.path.join('.'))).toEqual(['body.answers.per_time', 'body.answers.attitude', 'body.answers.nps', 'body.answers.fixed']);
    expect({ responses: await count('survey_responses'), answers: await count('survey_answers') }).toEqual(before);
    expect((await t.call(null, 'GET', `/api/v1/public/surveys/${tokens[0]}`)).statusCode).toBe(200);
  });

  it('takes one answer per link, carrying the order into every answer row; reuse is refused', async () => {
    const res = await t.call(null, 'POST', `/api/v1/public/surveys/${tokens[0]}`, { answers: goodAnswers, comment: '满意' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, score: 100, level: 'very_satisfied' });
    const response = await t.handle.db.selectFrom('survey_responses').selectAll().where('campaign_id', '=', customerCampaign.campaign.id).executeTakeFirstOrThrow();
    expect(response).toMatchObject({ order_type: 'consultation', month: expect.stringMatching(/^\d{4}-\d{2}$/), audience: 'customer', recovery_work_order_id: null });
    expect(response.work_order_id).not.toBeNull();
    const answers = await t.handle.db.selectFrom('survey_answers').selectAll().where('response_id', '=', response.id).execute();
    expect(answers).toHaveLength(6);
    expect(answers.find((a) => a.question_id === 'exp_time')).toMatchObject({ pair: 'expectation', dimension: 'reliability', raw: 5, score: 100 });
    expect(answers.find((a) => a.question_id === 'nps')).toMatchObject({ question_kind: 'nps', raw: 10, score: 100 });
    expect(answers.every((a) => a.org_path === response.org_path && a.order_type === 'consultation')).toBe(true);

    for (const method of ['GET', 'POST'] as const) {
      const reuse = await t.call(null, method, `/api/v1/public/surveys/${tokens[0]}`, method === 'POST' ? { answers: goodAnswers } : undefined);
      expect(reuse.statusCode).toBe(409);
      expect(reuse.json().code).toBe('SURVEY_TOKEN_USED');
    }
    expect(await count('survey_responses')).toBe(seededResponses + 1);
    const campaign = (await t.call(manager, 'GET', `/api/v1/survey-campaigns/${customerCampaign.campaign.id}`)).json<Campaign>();
    expect(campaign).toMatchObject({ answered: 1, responseRate: Math.round((1 / customerCampaign.invited) * 10_000) / 10_000 });
    const answered = (await t.call(manager, 'GET', `/api/v1/survey-campaigns/${campaign.id}/invitations?status=answered`)).json();
    expect(answered.total).toBe(1);
    expect(answered.items[0]).toMatchObject({ status: 'answered', score: 100 });
    expect(answered.items[0].contact).toMatch(/^\d{3}\*{4}\d{4}$/);
    const filled = await t.call(manager, 'GET', `/api/v1/survey-responses/${answered.items[0].responseId}`);
    expect(filled.statusCode).toBe(200);
    expect(filled.json()).toMatchObject({ score: 100, comment: '满意', template: { id: customerTemplate.id } });
  });

  it('refuses forged, tampered and expired links with their own codes', async () => {
    const token = tokens[1] as string;
    const [id, nonce, sig] = token.split('.') as [string, string, string];
    const flipped = `${id}.${nonce}.${sig.startsWith('A') ? 'B' : 'A'}${sig.slice(1)}`;
    const otherId = `${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`;
    for (const forged of [flipped, `${otherId}.${nonce}.${sig}`, 'not-a-token', `${id}.${nonce}`]) {
      const res = await t.call(null, 'GET', `/api/v1/public/surveys/${encodeURIComponent(forged)}`);
      expect(res.statusCode, forged).toBe(404);
      expect(res.json().code).toBe('SURVEY_TOKEN_INVALID');
    }
    // Well signed, but never issued (not stored): refused as well.
    const unissued = issueToken(await tokenSecret(t.handle.db, undefined), id).token;
    expect((await t.call(null, 'GET', `/api/v1/public/surveys/${unissued}`)).json().code).toBe('SURVEY_TOKEN_INVALID');

    await t.handle.db.updateTable('survey_invitations').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    const expired = await t.call(null, 'POST', `/api/v1/public/surveys/${token}`, { answers: goodAnswers });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().code).toBe('SURVEY_TOKEN_EXPIRED');
    expect(await count('survey_responses')).toBe(seededResponses + 1);
  });

  it('a low score opens a recovery order linked to the answer and the original order, visible to staff', async () => {
    const token = tokens[2] as string;
    const res = await t.call(null, 'POST', `/api/v1/public/surveys/${token}`, { answers: lowAnswers, comment: '师傅迟到两个小时' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().level).toBe('very_dissatisfied');
    const response = await t.handle.db.selectFrom('survey_responses').selectAll().where('campaign_id', '=', customerCampaign.campaign.id).where('score', '<', 60).executeTakeFirstOrThrow();
    expect(response.recovery_work_order_id).not.toBeNull();
    const kase = await t.handle.db.selectFrom('recovery_cases').selectAll().where('source_id', '=', response.id).executeTakeFirstOrThrow();
    expect(kase).toMatchObject({ source: 'survey', original_work_order_id: response.work_order_id, recovery_work_order_id: response.recovery_work_order_id });
    const order = await t.call(agent, 'GET', `/api/v1/work-orders/${response.recovery_work_order_id}`);
    expect(order.statusCode, order.body).toBe(200);
    expect(order.json()).toMatchObject({ type: 'complaint', priority: 'high' });
    expect(order.json().description).toContain('师傅迟到两个小时');
  });

  it('draws the same staff sample from the same seed, and tells each of them in the inbox', async () => {
    const template = await createTemplate('staff', '员工满意度调查');
    const staff = Number((await t.handle.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('is_active', '=', 1).executeTakeFirstOrThrow()).n);
    const picks: string[][] = [];
    for (const name of ['员工调查 A', '员工调查 B']) {
      const c = await launch(await createCampaign({ name, templateId: template.id, sampleShare: 0.5, seed: 99 }));
      expect(c.invited).toBe(Math.round(staff * 0.5));
      const rows = await t.handle.db.selectFrom('survey_invitations').select('user_id').where('campaign_id', '=', c.campaign.id).orderBy('user_id').execute();
      picks.push(rows.map((r) => r.user_id ?? ''));
      const inbox = await t.handle.db.selectFrom('notifications').select('link').where('entity_type', '=', 'survey_invitation').where('user_id', '=', rows[0]?.user_id ?? '').execute();
      expect(inbox.length).toBeGreaterThan(0);
      expect(inbox[0]?.link).toMatch(/^\/s\//);
    }
    expect(picks[1]).toEqual(picks[0]);
  });

  it('a used template is versioned on edit; the campaign keeps the questions it sent', async () => {
    const edited = { name: '售后服务满意度调查表(修订)', audience: 'customer', questions: questions.slice(2) };
    const res = await t.call(manager, 'PUT', `/api/v1/survey-templates/${customerTemplate.id}`, { version: 1, template: edited });
    expect(res.statusCode, res.body).toBe(200);
    const v2 = res.json<Template>();
    expect(v2).toMatchObject({ version: 2, familyId: customerTemplate.id, isInUse: false });
    expect(v2.id).not.toBe(customerTemplate.id);
    const v1 = (await t.call(manager, 'GET', `/api/v1/survey-templates/${customerTemplate.id}`)).json<Template>();
    expect(v1.questions).toHaveLength(6);
    const stale = await t.call(manager, 'PUT', `/api/v1/survey-templates/${customerTemplate.id}`, { version: 1, template: edited });
    expect(stale.statusCode).toBe(409);
    const page = (await t.call(manager, 'GET', `/api/v1/survey-templates?audience=customer&q=${encodeURIComponent('修订')}`)).json();
    expect(page.items.map((i: Template) => i.id)).toEqual([v2.id]);
    const family = (await t.call(manager, 'GET', `/api/v1/survey-templates?q=${encodeURIComponent('售后服务满意度调查表')}`)).json();
    expect(family.items.map((i: Template) => i.id)).not.toContain(customerTemplate.id);
  });

  it('reminds unanswered invitations up to the campaign limit, with a fresh link that also works', async () => {
    const later = new Date(Date.now() + 3.5 * 86_400_000);
    const pending = await t.handle.db.selectFrom('survey_invitations').select('id').where('answered_at', 'is', null).where('expires_at', '>', later.toISOString()).execute();
    const before = (await sentTokens()).length;
    const sent = await sendDueReminders(t.handle.db, links(), later);
    expect(sent).toBe(pending.length);
    expect(await sendDueReminders(t.handle.db, links(), later)).toBe(0);
    const fresh = (await sentTokens()).slice(before);
    expect(fresh).toHaveLength(sent);
    expect((await t.call(null, 'GET', `/api/v1/public/surveys/${fresh[0]}`)).statusCode).toBe(200);
    // Second reminder three days on, then no more (default: two).
    expect(await sendDueReminders(t.handle.db, links(), new Date(later.getTime() + 3.5 * 86_400_000))).toBeGreaterThan(0);
    expect(await sendDueReminders(t.handle.db, links(), new Date(later.getTime() + 7 * 86_400_000))).toBe(0);
    const counts = await t.handle.db.selectFrom('survey_invitations').select('reminded_count').where('answered_at', 'is', null).execute();
    expect(Math.max(...counts.map((c) => c.reminded_count))).toBe(2);
  });

  it('a periodic campaign invites the next period when it is due, once', async () => {
    const template = await createTemplate('dealer', '网点满意度调查');
    const c = await launch(await createCampaign({ name: '网点月度调查', templateId: template.id, schedule: 'monthly', seed: 5 }));
    expect(c.campaign.nextRunAt).not.toBeNull();
    const due = new Date(Date.parse(c.campaign.nextRunAt ?? '') + 60_000);
    expect(await runDueCampaigns(t.handle.db, links(), due)).toBe(1);
    expect(await runDueCampaigns(t.handle.db, links(), due)).toBe(0);
    const periods = await t.handle.db.selectFrom('survey_invitations').select('period').distinct().where('campaign_id', '=', c.campaign.id).orderBy('period').execute();
    expect(periods.map((p) => p.period)).toEqual([c.period, expect.not.stringMatching(c.period)]);
  });

  it('keeps campaigns to survey readers in scope and writes to HQ', async () => {
    const id = customerCampaign.campaign.id;
    expect((await t.call(null, 'GET', '/api/v1/survey-campaigns')).statusCode).toBe(401);
    expect((await t.call(await login('huanglei'), 'GET', '/api/v1/survey-campaigns')).statusCode).toBe(403);
    const region = await login('chenzhigang');
    expect((await t.call(region, 'GET', `/api/v1/survey-campaigns/${id}`)).statusCode).toBe(404);
    expect((await t.call(region, 'GET', '/api/v1/survey-campaigns')).json().total).toBe(0);
    const write = await t.call(region, 'POST', '/api/v1/survey-campaigns', { name: 'x', templateId: customerTemplate.id });
    expect(write.statusCode).toBe(403);
    expect((await t.call(await login('sunliping'), 'GET', `/api/v1/survey-campaigns/${id}`)).statusCode).toBe(200);
    const responseId = (await t.handle.db.selectFrom('survey_responses').select('id').executeTakeFirstOrThrow()).id;
    expect((await t.call(region, 'GET', `/api/v1/survey-responses/${responseId}`)).statusCode).toBe(404);
    expect((await t.call(region, 'GET', `/api/v1/survey-campaigns/${id}/invitations`)).statusCode).toBe(404);
  });

  it('rate-limits the public link per address', async () => {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) status = (await t.call(null, 'GET', `/api/v1/public/surveys/${tokens[3] ?? 'x'}`)).statusCode;
    expect(status).toBe(429);
  });
});
