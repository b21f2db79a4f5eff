import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import SQLite from 'better-sqlite3';
import { hasChromium } from './support/browser.js';
import { useJourney } from './support/journey.js';

type Answer = [kind: 'rating' | 'nps', dimension: string | null, pair: string | null, score: number] | [kind: 'multiple', picks: string[]];

// Journey of the satisfaction analysis: the 华东 regional manager opens the analysis, sees the
// answers of his region in the charts, narrows to one province and the numbers change, then
// exports the same analysis to Excel — also on a phone-sized screen.
describe.skipIf(!hasChromium())('satisfaction analysis in Chromium', () => {
  const journey = useJourney();
  const { login } = journey;

  beforeAll(() => {
    // Answers are written by the surveys module as people answer; here they go straight into the
    // running server's SQLite file (WAL lets both write), one row per answered question.
    const db = new SQLite(path.join(journey.server.dataDir, 'shouhoutong.sqlite'));
    db.pragma('busy_timeout = 5000');
    const now = new Date().toISOString();
    const hq = db.prepare(`select id, path from orgs where code = 'HQ'`).get() as { id: string; path: string };
    const org = (code: string) => db.prepare('select id, path from orgs where code = ?').get(code) as { id: string; path: string };
    const templateId = randomUUID();
    const campaignId = randomUUID();
    db.prepare(`insert into survey_templates (id, family_id, version, is_current, name, audience, description, questions_json, is_active, created_at, updated_at)
      values (?, ?, 1, 1, '分析旅程调查表', 'customer', '', ?, 1, ?, ?)`).run(templateId, templateId, JSON.stringify([
      { id: 'why', kind: 'multiple', text: '您不满意的原因', options: [{ value: 'late', label: '到场不及时' }, { value: 'fee', label: '收费不合理' }] },
    ]), now, now);
    db.prepare(`insert into survey_campaigns (id, name, template_id, audience, org_id, org_path, schedule, target_json, sample_share, seed, expires_days,
      max_reminders, remind_after_days, status, launched_at, created_at, updated_at, version)
      values (?, '分析旅程', ?, 'customer', ?, ?, 'once', '{}', 1, 1, 14, 0, 3, 'closed', ?, ?, ?, 1)`).run(campaignId, templateId, hq.id, hq.path, now, now, now);
    const respond = (code: string, region: string, month: string, level: string, answers: Answer[]) => {
      const o = org(code);
      const invitationId = randomUUID();
      const responseId = randomUUID();
      const at = `${month}-12T03:00:00.000Z`;
      db.prepare(`insert into survey_invitations (id, campaign_id, period, respondent_key, outlet_org_id, order_type, respondent_name, region_code, org_path,
        sent_at, expires_at, reminded_count, answered_at) values (?, ?, 'once', ?, ?, 'repair', '客户', ?, ?, ?, ?, 0, ?)`)
        .run(invitationId, campaignId, `e2e:${responseId}`, o.id, region, o.path, at, at, at);
      db.prepare(`insert into survey_responses (id, invitation_id, campaign_id, template_id, audience, answered_at, month, region_code, org_path, outlet_org_id,
        order_type, level) values (?, ?, ?, ?, 'customer', ?, ?, ?, ?, ?, 'repair', ?)`)
        .run(responseId, invitationId, campaignId, templateId, at, month, region, o.path, o.id, level);
      const insert = db.prepare(`insert into survey_answers (id, response_id, campaign_id, template_id, question_id, question_kind, dimension, pair, raw, score,
        choice_json, audience, month, answered_at, region_code, org_path, outlet_org_id, order_type)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'customer', ?, ?, ?, ?, ?, 'repair')`);
      answers.forEach((a, q) => {
        const common = [month, at, region, o.path, o.id];
        if (a[0] === 'multiple') insert.run(randomUUID(), responseId, campaignId, templateId, 'why', 'multiple', null, null, null, null, JSON.stringify(a[1]), ...common);
        else {
          const [kind, dimension, pair, score] = a;
          insert.run(randomUUID(), responseId, campaignId, templateId, `q${q}`, kind, dimension, pair, kind === 'nps' ? score / 10 : score / 25 + 1, score, null, ...common);
        }
      });
    };
    respond('O-SZWZ', '32', '2026-10', 'satisfied', [['rating', 'reliability', 'perception', 100], ['rating', 'reliability', 'expectation', 100], ['rating', 'empathy', null, 75], ['nps', null, null, 100]]);
    respond('O-HZXS', '31', '2026-11', 'dissatisfied', [['rating', 'reliability', 'perception', 50], ['rating', 'reliability', 'expectation', 75], ['rating', 'empathy', null, 25], ['nps', null, null, 60], ['multiple', ['late', 'fee']]]);
    respond('O-HZXS', '31', '2026-11', 'satisfied', [['rating', 'reliability', 'perception', 100], ['rating', 'empathy', null, 75], ['nps', null, null, 90]]);
    db.close();
  });

  const text = (page: Page, id: string) => page.getByTestId(id).innerText();

  async function chooseRegion(page: Page, name: string) {
    await page.getByTestId('analysis-filter-region').click();
    await page.getByTestId('analysis-filter-region').locator('input').fill(name);
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`).click();
  }

  it('a regional manager reads the analysis, narrows it to a province and exports it', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await login(page, 'chenzhigang');
    await page.getByTestId('nav-survey-analysis').click();
    await page.getByTestId('survey-analysis-page').waitFor();
    await page.getByTestId('analysis-dimension-chart').locator('canvas').waitFor();
    await page.getByTestId('analysis-gap-chart').locator('canvas').waitFor();
    await page.getByTestId('analysis-trend-chart').locator('canvas').waitFor();
    // His region: at least the 6 rated answers inserted above (the demo may hold more).
    await expect.poll(async () => Number((await text(page, 'analysis-answers')).replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThanOrEqual(6);
    await expect.poll(() => page.getByTestId('analysis-breakdown').innerText()).toContain('上海市');

    await chooseRegion(page, '上海市');
    // 上海 (no demo answers there): 50, 25, 100, 75 → 62.5; NPS 6 and 9 → one detractor, one promoter → 0
    await expect.poll(() => text(page, 'analysis-overall-mean'), { timeout: 10_000 }).toContain('62.5');
    expect(await text(page, 'analysis-answers')).toContain('4');
    expect(await text(page, 'analysis-nps')).toContain('0.0');
    expect(await text(page, 'analysis-causes')).toContain('移情性');
    expect(await text(page, 'analysis-chosen-causes')).toContain('到场不及时');
    const breakdown = await text(page, 'analysis-breakdown');
    expect(breakdown).toContain('上海市');
    expect(breakdown).not.toContain('江苏省');

    // Group by month: the breakdown follows.
    await page.getByTestId('analysis-group-by').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="月份"]').click();
    await expect.poll(() => text(page, 'analysis-breakdown')).toContain('2026-11');

    const href = await page.getByTestId('analysis-export').getAttribute('href');
    expect(href).toBe('/api/v1/survey-analysis/export?regionCode=31&groupBy=month');
    const download = await page.evaluate(async (url) => {
      const res = await fetch(url);
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), size: (await res.arrayBuffer()).byteLength };
    }, href ?? '');
    expect(download.status).toBe(200);
    expect(download.type).toContain('spreadsheetml');
    expect(download.disposition).toContain('survey-analysis_');
    expect(download.size).toBeGreaterThan(2000);
    await page.close();
  }, 60_000);

  it('fits a phone-sized screen', async () => {
    const page = await journey.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    await login(page, 'chenzhigang');
    await page.goto(`${journey.server.baseUrl}/survey-analysis`);
    await page.getByTestId('analysis-dimension-chart').locator('canvas').waitFor();
    await expect.poll(() => text(page, 'analysis-overall-mean')).toMatch(/\d/);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  }, 60_000);
});
