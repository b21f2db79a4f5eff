import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyAnalysis, SurveyTrend } from '@sht/domain';
import { newId } from '../../db/ids.js';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';

type Answer = { kind: 'rating' | 'nps' | 'single'; dimension?: string; pair?: 'expectation' | 'perception'; score: number | null; choices?: string[] };
type Respondent = {
  org: string; region: string; month: string; orderType: string; level: string; technician?: string; answers: Answer[];
};

/**
 * Inserts answered surveys straight into survey_responses / survey_answers (with the template,
 * campaign and invitations they reference), as the surveys module would have stored them.
 */
async function insertAnswers(t: TestApp, respondents: Respondent[]): Promise<string> {
  const db = t.handle.db;
  const now = new Date().toISOString();
  const hq = await db.selectFrom('orgs').select(['id', 'path']).where('code', '=', 'HQ').executeTakeFirstOrThrow();
  const templateId = newId();
  const campaignId = newId();
  await db.insertInto('survey_templates').values({
    id: templateId, family_id: templateId, version: 1, is_current: 1, name: '客户满意度调查表', audience: 'customer', description: '',
    questions_json: JSON.stringify([{ id: 'why', kind: 'multiple', text: '不满意的原因', options: [{ value: 'slow', label: '到场慢' }, { value: 'fee', label: '收费高' }] }]), is_active: 1, created_by: null, created_at: now, updated_at: now,
  }).execute();
  await db.insertInto('survey_campaigns').values({
    id: campaignId, name: '2026 年客户满意度', template_id: templateId, audience: 'customer', org_id: hq.id, org_path: hq.path, schedule: 'once',
    target_json: '{}', sample_share: 1, seed: 1, expires_days: 14, max_reminders: 0, remind_after_days: 3, status: 'active', current_period: null,
    next_run_at: null, launched_at: now, created_by: null, created_at: now, updated_at: now, version: 1,
  }).execute();
  for (const [i, r] of respondents.entries()) {
    const org = await db.selectFrom('orgs').select(['id', 'path']).where('code', '=', r.org).executeTakeFirstOrThrow();
    const technicianId = r.technician ? await t.userId(r.technician) : null;
    const invitationId = newId();
    const responseId = newId();
    const answeredAt = `${r.month}-10T02:00:00.000Z`;
    const where = { region_code: r.region, org_path: org.path, outlet_org_id: org.id, technician_id: technicianId, model_id: null, order_type: r.orderType };
    await db.insertInto('survey_invitations').values({
      id: invitationId, campaign_id: campaignId, period: 'once', respondent_key: `c${i}`, customer_id: null, user_id: null, outlet_org_id: org.id,
      work_order_id: null, technician_id: technicianId, model_id: null, order_type: r.orderType, respondent_name: `客户${i}`, phone: null, email: null,
      region_code: r.region, org_path: org.path, sent_at: answeredAt, expires_at: answeredAt, reminded_count: 0, next_reminder_at: null, answered_at: answeredAt,
    }).execute();
    await db.insertInto('survey_responses').values({
      id: responseId, invitation_id: invitationId, campaign_id: campaignId, template_id: templateId, audience: 'customer', answered_at: answeredAt,
      month: r.month, ...where, work_order_id: null, customer_id: null, score: null, nps: null, level: r.level, comment: null, recovery_work_order_id: null,
    }).execute();
    await db.insertInto('survey_answers').values(r.answers.map((a, q) => ({
      id: newId(), response_id: responseId, campaign_id: campaignId, template_id: templateId, question_id: a.choices ? 'why' : `q${q}`, question_kind: a.kind,
      dimension: a.dimension ?? null, pair: a.pair ?? null, raw: a.kind === 'nps' && a.score !== null ? a.score / 10 : null, score: a.score,
      choice_json: a.choices ? JSON.stringify(a.choices) : null, text_value: null, audience: 'customer' as const, month: r.month, answered_at: answeredAt, ...where,
    }))).execute();
  }
  return campaignId;
}

const rel = (score: number, pair?: 'expectation' | 'perception'): Answer => ({ kind: 'rating', dimension: 'reliability', score, ...(pair ? { pair } : {}) });
const emp = (score: number): Answer => ({ kind: 'rating', dimension: 'empathy', score });
const nps = (raw: number): Answer => ({ kind: 'nps', score: raw * 10 });

async function readSheets(body: Buffer): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(body).buffer);
  const out = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const cells: string[] = [];
      for (let i = 1; i <= sheet.columnCount; i += 1) cells.push(row.getCell(i).text);
      rows.push(cells);
    });
    out.set(sheet.name, rows);
  }
  return out;
}

describe.each(testDialects())('survey analysis on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let east: Session;
  let campaignId: string;
  // The demo seed answers surveys too: every request names this file's campaign.
  const mine = (url: string) => `${url}${url.includes('?') ? '&' : '?'}campaignId=${campaignId}`;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    east = await t.login('chenzhigang'); // 华东服务中心
    campaignId = await insertAnswers(t, [
      { org: 'O-SZWZ', region: '32', month: '2026-01', orderType: 'repair', level: 'satisfied', technician: 'huanglei',
        answers: [rel(100, 'perception'), rel(100, 'expectation'), emp(75), nps(10), { kind: 'single', score: null, choices: ['fee'] }] },
      { org: 'O-NJJN', region: '32', month: '2026-02', orderType: 'maintenance', level: 'dissatisfied',
        answers: [rel(50, 'perception'), rel(75, 'expectation'), emp(25), nps(6), { kind: 'single', score: null, choices: ['slow', 'fee'] }] },
      { org: 'O-SJZGC', region: '13', month: '2026-02', orderType: 'repair', level: 'very_dissatisfied', // 华北: out of 华东's scope
        answers: [rel(0), emp(0), nps(0), { kind: 'single', score: null, choices: ['slow'] }] },
    ]);
  });
  afterAll(async () => t.close());

  const get = async <T>(s: Session, url: string) => {
    const res = await t.call(s, 'GET', mine(url));
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };

  it('gives means, spread, the gap of the pairs, NPS, levels and causes of every answer at HQ', async () => {
    const a = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis');
    expect(a.overall).toMatchObject({ n: 6, mean: 41.67 });
    const reliability = a.dimensions.find((d) => d.dimension === 'reliability');
    // 100, 50, 0 → mean 50, sample sd 50; pairs: perception 75 − expectation 87.5
    expect(reliability).toMatchObject({ n: 3, mean: 50, stdDev: 50, perceptionMean: 75, expectationMean: 87.5, gap: -12.5, dissatisfied: 2 });
    expect(a.dimensions.find((d) => d.dimension === 'empathy')).toMatchObject({ n: 3, mean: 33.33, gap: null });
    expect(a.nps).toEqual({ n: 3, promoters: 1, passives: 0, detractors: 2, score: -33.3 });
    expect(a.levels.filter((l) => l.count > 0).map((l) => [l.level, l.count])).toEqual([['satisfied', 1], ['dissatisfied', 1], ['very_dissatisfied', 1]]);
    // 2 dissatisfied answers each; empathy has the lower mean
    expect(a.causes.map((c) => [c.dimension, c.dissatisfied, c.share])).toEqual([['empathy', 2, 0.5], ['reliability', 2, 0.5]]);
    expect(a.breakdown.map((r) => [r.key.value, r.n, r.mean])).toEqual([['empathy', 3, 33.33], ['reliability', 3, 50]]);
    // Picked by the two dissatisfied respondents (the satisfied one's pick does not count).
    expect(a.chosenCauses).toEqual([
      { question: '不满意的原因', option: '到场慢', count: 2, share: 1 },
      { question: '不满意的原因', option: '收费高', count: 1, share: 0.5 },
    ]);
  });

  it('leaves out the answers of another region for a regional manager', async () => {
    const a = await get<SurveyAnalysis>(east, '/api/v1/survey-analysis?groupBy=region');
    expect(a.overall).toMatchObject({ n: 4, mean: 62.5 });
    expect(a.dimensions.find((d) => d.dimension === 'reliability')).toMatchObject({ n: 2, mean: 75, gap: -12.5 });
    expect(a.nps).toMatchObject({ n: 2, score: 0 });
    expect(a.breakdown.map((r) => [r.key.value, r.key.label, r.n])).toEqual([['32', '江苏省', 4]]);
    expect(a.levels.find((l) => l.level === 'very_dissatisfied')?.count).toBe(0);
    expect(a.chosenCauses.map((c) => [c.option, c.count])).toEqual([['到场慢', 1], ['收费高', 1]]);
    // Filtering by the other region's outlet finds nothing, it does not widen the scope.
    const north = await get<SurveyAnalysis>(east, `/api/v1/survey-analysis?outletId=${await t.orgId('O-SJZGC')}`);
    expect(north.overall.n).toBe(0);
  });

  it('filters by region, period and order type, and groups by two keys with names', async () => {
    const hebei = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?regionCode=13');
    expect(hebei.overall).toMatchObject({ n: 2, mean: 0 });
    const feb = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?from=2026-02&to=2026-02&orderType=repair');
    expect(feb.overall).toMatchObject({ n: 2, mean: 0 });
    const byOutlet = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=outlet&thenBy=month');
    expect(byOutlet.breakdown.map((r) => [r.key.label, r.thenKey?.value, r.mean, r.byDimension.reliability ?? null])).toEqual(
      expect.arrayContaining([['苏州吴中农机特约维修站', '2026-01', 87.5, 100], ['石家庄藁城农机服务站', '2026-02', 0, 0]]),
    );
    const byTech = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=technician');
    expect(byTech.breakdown.map((r) => [r.key.label, r.n])).toEqual([['黄磊', 2], ['—', 4]]);
  });

  it('gives the month series with the change against the previous month', async () => {
    const tr = await get<SurveyTrend>(admin, '/api/v1/survey-analysis/trend?from=2025-12&to=2026-02');
    expect(tr.points.map((p) => [p.month, p.n, p.mean, p.change, p.nps])).toEqual([
      ['2025-12', 0, null, null, null],
      ['2026-01', 2, 87.5, null, 100],
      ['2026-02', 4, 18.75, -68.75, -100],
    ]);
    expect(tr.points[2]?.byDimension).toEqual({ reliability: 25, empathy: 12.5 });
  });

  it('exports the same analysis to Excel', async () => {
    const res = await t.call(east, 'GET', mine('/api/v1/survey-analysis/export?groupBy=region&thenBy=month'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('满意度分析'));
    const sheets = await readSheets(res.rawPayload);
    expect(sheets.get('维度')?.find((r) => r[0] === '可靠性')?.slice(0, 7)).toEqual(['可靠性', '2', '75', '35.36', '87.5', '75', '-12.5']);
    expect(sheets.get('分组')?.slice(1).map((r) => r.slice(0, 4))).toEqual([['江苏省', '2026-01', '2', '87.5'], ['江苏省', '2026-02', '2', '37.5']]);
    expect(sheets.get('NPS')?.[1]).toEqual(['2', '1', '0', '1', '0']);
    expect(sheets.get('所选原因')?.slice(1)).toEqual([['不满意的原因', '到场慢', '1', '100'], ['不满意的原因', '收费高', '1', '100']]);
  });

  it('answers the same from the kept counts and from the answers themselves', async () => {
    // Region + month come from survey_answer_counts; an order-type filter reads survey_answers.
    const byOutletCounts = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=outlet&thenBy=month');
    const byOutletAnswers = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=outlet&thenBy=month&technicianId=' + await t.userId('huanglei'));
    expect(byOutletAnswers.breakdown).toEqual(byOutletCounts.breakdown.filter((r) => r.key.label === '苏州吴中农机特约维修站'));
    const fromCounts = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=region&thenBy=month');
    const fromAnswers = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?groupBy=region&thenBy=month&orderType=repair');
    const repairOnly = fromCounts.breakdown.filter((r) => r.thenKey?.value !== '2026-02' || r.key.value !== '32');
    expect(fromAnswers.breakdown).toEqual(repairOnly);
    expect(fromCounts.overall).toMatchObject({ n: 6, mean: 41.67 });
  });

  it('keeps the counts when answers are changed or removed', async () => {
    const db = t.handle.db;
    const zero = await db.selectFrom('survey_answers').select('id').where('campaign_id', '=', campaignId).where('region_code', '=', '13').where('dimension', '=', 'reliability').executeTakeFirstOrThrow();
    await db.updateTable('survey_answers').set({ score: 100 }).where('id', '=', zero.id).execute();
    let hebei = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?regionCode=13');
    expect(hebei.overall).toMatchObject({ n: 2, mean: 50 });
    await db.deleteFrom('survey_answers').where('id', '=', zero.id).execute();
    hebei = await get<SurveyAnalysis>(admin, '/api/v1/survey-analysis?regionCode=13');
    expect(hebei.overall).toMatchObject({ n: 1, mean: 0 });
    expect(hebei.dimensions.map((d) => d.dimension)).toEqual(['empathy']);
    const counts = await db.selectFrom('survey_answer_counts').select((eb) => eb.fn.sum<number>('n').as('n')).where('region_code', '=', '13').where('campaign_id', '=', campaignId).executeTakeFirstOrThrow();
    expect(Number(counts.n)).toBe(2); // empathy 0 and the NPS answer
  });

  it('refuses bad filters and callers without survey.read', async () => {
    for (const q of ['from=2026-13', 'from=2026-05&to=2026-01', 'groupBy=region&thenBy=region', 'groupBy=colour', 'outletId=abc', 'regionCode=3201', 'audience=vip']) {
      const res = await t.call(admin, 'GET', `/api/v1/survey-analysis?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    expect((await t.call(admin, 'GET', '/api/v1/survey-analysis/export?from=2026-02&to=2025-01')).statusCode).toBe(400);
    expect((await t.call(await t.login('huanglei'), 'GET', '/api/v1/survey-analysis')).statusCode).toBe(403);
    expect((await t.call(null, 'GET', '/api/v1/survey-analysis/trend')).statusCode).toBe(401);
  });
});
