import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessMinutes } from '@sht/domain';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { loadCalendar, resolveCalendarForOrg } from './calendars.service.js';
import { syncBuiltInHolidayNotices } from './calendars.holidays.service.js';

type Cal = { id: string; code: string; isDefault: boolean; coveredYears: number[] | null; version: number; orgId: string | null };
type Day = { date: string; workday: boolean; reason: string; holidayName?: string; windows: { start: string; end: string }[] };

// A made-up 2027 arrangement for the tests (the real notice is published in late 2026).
const notice2027 = {
  year: 2027,
  version: '测试通知 2027 第一版',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-06', to: '2027-02-13' },
    { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
  ],
  makeupWorkdays: [
    { date: '2027-02-14', name: '春节' },
    { date: '2027-09-26', name: '国庆节' },
    { date: '2027-10-09', name: '国庆节' },
  ],
};

describe.each(testDialects())('calendars on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let office: Cal;
  let always: Cal;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const items = (await t.call(admin, 'GET', '/api/v1/calendars?pageSize=100')).json<{ items: Cal[] }>().items;
    office = items.find((c) => c.code === 'CN-OFFICE') as Cal;
    always = items.find((c) => c.code === '24X7') as Cal;
  });
  afterAll(async () => t.close());

  async function counts() {
    const n = async (table: 'calendars' | 'holiday_notices' | 'audit_log') =>
      Number((await t.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    return { calendars: await n('calendars'), notices: await n('holiday_notices'), audit: await n('audit_log') };
  }
  const days = async (id: string, from: string, to: string, session = admin) =>
    t.call(session, 'GET', `/api/v1/calendars/${id}/days?from=${from}&to=${to}`);
  const deadline = async (id: string, body: unknown, headers?: Record<string, string>) =>
    t.call(admin, 'POST', `/api/v1/calendars/${id}/deadline`, body, headers);

  it('documents the calendar API in OpenAPI, generated from the domain schemas', async () => {
    type Spec = { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[]; properties?: Record<string, { minimum?: number }> } }> } }>> };
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).json<Spec>();
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining([
      '/api/v1/calendars/', '/api/v1/calendars/{id}', '/api/v1/calendars/{id}/days', '/api/v1/calendars/{id}/deadline', '/api/v1/calendars/holiday-years',
    ]));
    const body = spec.paths['/api/v1/calendars/{id}/deadline']?.post?.requestBody?.content['application/json']?.schema;
    expect(body?.required).toEqual(['start', 'minutes']);
    expect(body?.properties?.minutes?.minimum).toBe(0);
  });

  it('lists the China office-hours calendar as the default, covering 2024 on, and a 24×7 one', () => {
    expect(office).toMatchObject({ isDefault: true, orgId: null });
    expect(office.coveredYears).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(always).toMatchObject({ isDefault: false, coveredYears: null });
  });

  it('stores the built-in notices once, as revision 1 of each year', async () => {
    const years = (await t.call(admin, 'GET', '/api/v1/calendars/holiday-years')).json<{ coveredYears: number[]; items: { year: number; revision: number; source: string; isCurrent: boolean }[] }>();
    expect(years.coveredYears.slice(0, 3)).toEqual([2024, 2025, 2026]);
    expect(years.items.filter((y) => y.year <= 2026)).toEqual([2024, 2025, 2026].map((year) => expect.objectContaining({ year, revision: 1, source: 'builtin', isCurrent: true })));
  });

  it('classifies National Day 2025 as 国庆节 holidays and the 调休 Sunday before it as a make-up workday', async () => {
    const res = await days(office.id, '2025-09-27', '2025-10-11');
    expect(res.statusCode).toBe(200);
    const byDate = new Map(res.json<{ days: Day[] }>().days.map((d) => [d.date, d]));
    expect(byDate.size).toBe(15);
    expect(byDate.get('2025-09-27')).toMatchObject({ workday: false, reason: 'weekend' });
    expect(byDate.get('2025-09-28')).toMatchObject({ workday: true, reason: 'makeup_workday', holidayName: '国庆节' });
    expect(byDate.get('2025-09-29')).toMatchObject({ workday: true, reason: 'workday', windows: [{ start: '08:30', end: '12:00' }, { start: '13:30', end: '17:30' }] });
    expect(byDate.get('2025-10-01')).toMatchObject({ workday: false, reason: 'holiday', holidayName: '国庆节', windows: [] });
    expect(byDate.get('2025-10-09')).toMatchObject({ workday: true, reason: 'workday' });
    expect(byDate.get('2025-10-11')).toMatchObject({ workday: true, reason: 'makeup_workday' });
    expect(res.json().calendarVersions).toEqual([expect.stringMatching(/^chinese-days@.* 2025$/)]);
  });

  it('refuses reversed, too long and uncovered ranges with clear errors', async () => {
    const reversed = await days(office.id, '2025-10-02', '2025-10-01');
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().details.issues).toEqual([expect.objectContaining({ path: ['querystring', 'to'] })]);
    expect((await days(office.id, '2025-01-01', '2026-01-02')).statusCode).toBe(400);
    expect((await days(office.id, '2025-02-30', '2025-03-01')).statusCode).toBe(400);
    const uncovered = await t.call(admin, 'GET', `/api/v1/calendars/${office.id}/days?from=2031-01-01&to=2031-01-31`, undefined, { 'accept-language': 'en' });
    expect(uncovered.statusCode).toBe(422);
    expect(uncovered.json()).toMatchObject({ code: 'CALENDAR_YEAR_NOT_COVERED', details: { year: 2031, coveredYears: expect.arrayContaining([2025]) } });
    expect(uncovered.json().message).toContain('No holiday notice is loaded for 2031');
    // 24×7 applies no holidays: any year is answerable.
    expect((await days(always.id, '2031-01-01', '2031-01-02')).json().days).toEqual([
      expect.objectContaining({ workday: true, windows: [{ start: '00:00', end: '24:00' }] }),
      expect.objectContaining({ workday: true }),
    ]);
  });

  it('computes deadlines across National Day, across the lunch break and on 24×7', async () => {
    // 30 Sep: 180 + 240 working minutes; 60 remain, after the 1–8 Oct holiday → 9 Oct 09:30.
    const national = await deadline(office.id, { start: '2025-09-30T09:00:00+08:00', minutes: 480 });
    expect(national.statusCode).toBe(200);
    expect(national.json()).toMatchObject({ due: '2025-10-09T01:30:00.000Z', calendarVersions: [expect.stringContaining('2025')] });
    const lunch = await deadline(office.id, { start: '2025-09-29T11:30:00+08:00', minutes: 60 });
    expect(lunch.json().due).toBe('2025-09-29T06:00:00.000Z');
    const roundTheClock = await deadline(always.id, { start: '2025-09-30T09:00:00+08:00', minutes: 480 });
    expect(roundTheClock.json()).toMatchObject({ due: '2025-09-30T09:00:00.000Z', calendarVersions: [] });
  });

  it('refuses negative, fractional and huge durations and bad instants, and changes nothing', async () => {
    const before = await counts();
    const negative = await deadline(office.id, { start: '2025-09-30T09:00:00+08:00', minutes: -5 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [expect.objectContaining({ path: ['body', 'minutes'] })] } });
    for (const body of [
      { start: '2025-09-30T09:00:00+08:00', minutes: 1.5 },
      { start: '2025-09-30T09:00:00+08:00', minutes: 10_000_001 },
      { start: '2025-09-30 09:00', minutes: 10 },
      { start: '2025-09-30T09:00:00', minutes: 10 },
      { minutes: 10 },
    ]) {
      expect((await deadline(office.id, body)).statusCode).toBe(400);
    }
    expect(await counts()).toEqual(before);
  });

  it('says a deadline that runs into an uncovered year cannot be computed', async () => {
    const res = await deadline(office.id, { start: '2026-12-31T16:00:00+08:00', minutes: 600 });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'CALENDAR_YEAR_NOT_COVERED', details: { year: 2027 } });
  });

  it('resolves an outlet’s own calendar, else the nearest ancestor’s, else the default', async () => {
    const [o1, o4, o7, sw, north] = await Promise.all([t.orgId('O-SZWZ'), t.orgId('O-SJZGC'), t.orgId('O-CDSL'), t.orgId('R-SW'), t.orgId('R-NORTH')]);
    const own = await t.call(admin, 'GET', `/api/v1/calendars/for-org/${o1}`);
    expect(own.json()).toMatchObject({ source: 'own', fromOrgId: o1, calendar: { code: 'O-SZWZ-BUSY' } });
    expect((await t.call(admin, 'GET', `/api/v1/calendars/for-org/${o7}`)).json()).toMatchObject({ source: 'inherited', fromOrgId: sw, calendar: { code: 'R-SW-SUMMER' } });
    expect((await t.call(admin, 'GET', `/api/v1/calendars/for-org/${o4}`)).json()).toMatchObject({ source: 'default', fromOrgId: null, calendar: { code: 'CN-OFFICE' } });

    // The service the work orders use: Suzhou works a Saturday morning, the default does not.
    const suzhou = await resolveCalendarForOrg(t.handle.db, o1);
    expect(addBusinessMinutes(suzhou.calendar, '2025-09-20T09:00:00+08:00', 60)).toBe('2025-09-20T02:00:00.000Z');
    const shijiazhuang = await resolveCalendarForOrg(t.handle.db, o4);
    expect(addBusinessMinutes(shijiazhuang.calendar, '2025-09-20T09:00:00+08:00', 60)).toBe('2025-09-22T01:30:00.000Z');

    // A new region calendar applies to its outlets at once (the cache is dropped on write).
    const created = await t.call(admin, 'POST', '/api/v1/calendars', {
      code: 'R-NORTH-24', orgId: north, definition: { kind: '24x7', name: '华北 7×24 热线' },
    });
    expect(created.statusCode).toBe(201);
    expect((await resolveCalendarForOrg(t.handle.db, o4))).toMatchObject({ code: 'R-NORTH-24', source: 'inherited', fromOrgId: north });
    const audit = await t.call(admin, 'GET', `/api/v1/audit?entityType=calendar&entityId=${created.json().id}`);
    expect(audit.json().items[0]).toMatchObject({ action: 'create', after: { code: 'R-NORTH-24' } });
  });

  it('shows staff the shared calendars and those of their own branch only', async () => {
    const tech = await t.login('machao'); // technician of the Chengdu outlet, south-west region
    const codes = (await t.call(tech, 'GET', '/api/v1/calendars?pageSize=100')).json<{ items: Cal[] }>().items.map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['CN-OFFICE', '24X7', 'R-SW-SUMMER']));
    expect(codes).not.toContain('O-SZWZ-BUSY');
    const suzhouCal = (await t.call(admin, 'GET', '/api/v1/calendars?q=O-SZWZ')).json<{ items: Cal[] }>().items[0] as Cal;
    expect((await t.call(tech, 'GET', `/api/v1/calendars/${suzhouCal.id}`)).statusCode).toBe(404);
    expect((await t.call(tech, 'POST', '/api/v1/calendars', { code: 'X', definition: { kind: '24x7', name: 'x' } })).statusCode).toBe(403);
  });

  it('validates calendar writes, keeps one default and refuses stale versions, changing nothing on error', async () => {
    const o2 = await t.orgId('O-NJJN');
    const o1 = await t.orgId('O-SZWZ');
    const before = await counts();
    const badWindows = await t.call(admin, 'POST', '/api/v1/calendars', {
      code: 'BAD', definition: { kind: 'business', name: '错', windows: [{ start: '08:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
    });
    expect(badWindows.statusCode).toBe(400);
    expect(badWindows.json().details.issues).toEqual([expect.objectContaining({ path: ['body', 'definition', 'windows', 1, 'start'] })]);
    expect((await t.call(admin, 'POST', '/api/v1/calendars', { code: 'CN-OFFICE', definition: { kind: '24x7', name: 'dup' } })).json().code).toBe('CALENDAR_CODE_TAKEN');
    expect((await t.call(admin, 'POST', '/api/v1/calendars', { code: 'O1-B', orgId: o1, definition: { kind: '24x7', name: 'dup' } })).json().code).toBe('CALENDAR_ORG_TAKEN');
    expect((await t.call(admin, 'POST', '/api/v1/calendars', { code: 'O2-D', orgId: o2, isDefault: true, definition: { kind: '24x7', name: 'x' } })).json().code).toBe('CALENDAR_DEFAULT_WITH_ORG');
    expect(await counts()).toEqual(before);

    const made = await t.call(admin, 'PATCH', `/api/v1/calendars/${always.id}`, { version: always.version, isDefault: true });
    expect(made.json()).toMatchObject({ isDefault: true, version: always.version + 1 });
    expect((await t.call(admin, 'GET', `/api/v1/calendars/${office.id}`)).json().isDefault).toBe(false);
    expect((await t.call(admin, 'PATCH', `/api/v1/calendars/${always.id}`, { version: always.version, isDefault: true })).statusCode).toBe(409);
    const officeNow = (await t.call(admin, 'GET', `/api/v1/calendars/${office.id}`)).json<Cal>();
    const back = await t.call(admin, 'PATCH', `/api/v1/calendars/${office.id}`, { version: officeNow.version, isDefault: true });
    expect(back.json()).toMatchObject({ isDefault: true });
  });

  it('loads a new year’s notice as a revision, keeps older revisions, and covers the year', async () => {
    const tech = await t.login('machao');
    const before = await counts();
    const weekdayMakeup = { ...notice2027, makeupWorkdays: [{ date: '2027-02-15', name: '春节' }] };
    const invalid = await t.call(admin, 'POST', '/api/v1/calendars/holiday-years', weekdayMakeup);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().details.issues).toEqual([{ path: ['body', 'makeupWorkdays', 0, 'date'], message: '调休上班日应为周六或周日' }]);
    expect((await t.call(tech, 'POST', '/api/v1/calendars/holiday-years', notice2027)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);

    const first = await t.call(admin, 'POST', '/api/v1/calendars/holiday-years', notice2027);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ year: 2027, revision: 1, isCurrent: true, source: 'admin', holidayCount: 3, makeupWorkdayCount: 3, loadedByName: '系统管理员' });
    const covered = await days(office.id, '2027-01-01', '2027-01-04');
    expect(covered.json().days.map((d: Day) => d.reason)).toEqual(['holiday', 'holiday', 'holiday', 'workday']);
    expect((await deadline(office.id, { start: '2026-12-31T16:00:00+08:00', minutes: 600 })).json().due).toBe('2027-01-05T01:30:00.000Z');

    const afterFirst = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const corrected = { ...notice2027, version: '测试通知 2027 更正', holidays: [...notice2027.holidays.slice(0, 2), { name: '国庆节', from: '2027-10-01', to: '2027-10-08' }] };
    expect((await t.call(admin, 'POST', '/api/v1/calendars/holiday-years', corrected)).json()).toMatchObject({ revision: 2, isCurrent: true });
    expect((await t.call(admin, 'POST', '/api/v1/calendars/holiday-years', corrected)).json().code).toBe('CALENDAR_NOTICE_VERSION_EXISTS');
    const years = (await t.call(admin, 'GET', '/api/v1/calendars/holiday-years')).json();
    expect(years.coveredYears).toEqual(expect.arrayContaining([2024, 2025, 2026, 2027]));
    expect(years.items.filter((y: { year: number }) => y.year === 2027)).toEqual([
      expect.objectContaining({ revision: 1, isCurrent: false, version: '测试通知 2027 第一版' }),
      expect.objectContaining({ revision: 2, isCurrent: true, version: '测试通知 2027 更正' }),
    ]);
    expect((await days(office.id, '2027-10-08', '2027-10-08')).json().days[0]).toMatchObject({ reason: 'holiday', holidayName: '国庆节' });

    // The revision in force at an earlier instant re-derives what was computed then.
    const then = await loadCalendar(t.handle.db, office.id, { asOf: afterFirst });
    expect(addBusinessMinutes(then.calendar, '2027-10-08T09:00:00+08:00', 30)).toBe('2027-10-08T01:30:00.000Z');
    const audit = await t.call(admin, 'GET', '/api/v1/audit?entityType=holiday_notice');
    expect(audit.json().items).toHaveLength(2);
  });

  it('adds a newer chinese-days release as a new revision of a built-in year, and is idempotent', async () => {
    // Pretend 2025 was stored by an older release of the package.
    await t.handle.db.updateTable('holiday_notices').set({ version: 'chinese-days@0.0.1 / 国务院办公厅通知 2025' }).where('year', '=', 2025).execute();
    expect(await syncBuiltInHolidayNotices(t.handle.db)).toBe(1);
    expect(await syncBuiltInHolidayNotices(t.handle.db)).toBe(0);
    const rows = await t.handle.db.selectFrom('holiday_notices').select(['revision', 'version']).where('year', '=', 2025).orderBy('revision').execute();
    expect(rows).toEqual([
      { revision: 1, version: 'chinese-days@0.0.1 / 国务院办公厅通知 2025' },
      { revision: 2, version: expect.stringMatching(/^chinese-days@\d.* 2025$/) },
    ]);
    // A year an admin loaded is never replaced by the package.
    expect(await t.handle.db.selectFrom('holiday_notices').select('source').where('year', '=', 2027).execute()).toEqual([{ source: 'admin' }, { source: 'admin' }]);
  });
});
