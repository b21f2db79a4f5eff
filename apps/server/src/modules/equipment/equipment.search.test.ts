import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, testDialects, type Session, type TestApp } from '../../test/test-app.js';
import { listEquipmentQuerySchema } from '@sht/domain';
import { newId } from '../../db/ids.js';
import { SERIAL_SEARCH_TOTAL_CAP, insertUnit, listUnits } from './equipment.repository.js';

type UnitJson = { id: string; serialNo: string; customerName: string; version: number };
type PageJson = { items: UnitJson[]; total: number; page: number; pageSize: number };

// Serial find-as-you-type: a byte-wise prefix range on the serial index, scoped by the owner's org
// subtree, with a total counted only up to SERIAL_SEARCH_TOTAL_CAP past the page.
describe.each(testDialects())('serial search on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let east: Session;
  let modelId: string;
  let eastOwner: string;
  let northOwner: string;
  const serials = (p: PageJson) => p.items.map((u) => u.serialNo);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    east = await t.login('chenzhigang'); // region manager of 华东
    const models = (await t.call(admin, 'GET', '/api/v1/catalogue/models?pageSize=50')).json<{ items: { id: string; code: string }[] }>().items;
    modelId = models.find((m) => m.code === 'ZY210')?.id ?? '';
    const customer = async (name: string) => (await t.handle.db.selectFrom('customers').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    eastOwner = await customer('单国强');
    northOwner = await customer('赵铁柱');
  });
  afterAll(async () => t.close());

  async function addUnits(prefix: string, count: number, customerId: string) {
    const now = new Date().toISOString();
    for (let i = 0; i < count; i++) {
      await insertUnit(t.handle.db, {
        id: newId(), serial_no: `${prefix}${String(i).padStart(4, '0')}`, model_id: modelId, customer_id: customerId, outlet_org_id: null,
        site_address: null, site_province_code: null, site_city_code: null, site_county_code: null, sale_date: '2025-01-01',
        delivery_date: null, installation_date: null, acceptance_date: null, warranty_start_event: null, status: 'in_service',
        notes: null, version: 1, created_at: now, updated_at: now,
      });
    }
  }
  const search = async (who: Session, q: string, extra = '') => {
    const res = await t.call(who, 'GET', `/api/v1/equipment?q=${encodeURIComponent(q)}${extra}`);
    expect(res.statusCode).toBe(200);
    return res.json<PageJson>();
  };

  it('matches a prefix in serial order, any case, with . _ / - taken literally', async () => {
    for (const serialNo of ['SRCH_A-0002', 'SRCH_A-0001', 'SRCHXA-0001', 'SRCH/B.0001', 'SRCH.B/0001']) {
      const res = await t.call(admin, 'POST', '/api/v1/equipment', { serialNo, modelId, customerId: eastOwner, saleDate: '2025-03-01' });
      expect(res.statusCode).toBe(201);
    }
    expect(serials(await search(admin, 'srch'))).toEqual(['SRCH.B/0001', 'SRCH/B.0001', 'SRCHXA-0001', 'SRCH_A-0001', 'SRCH_A-0002']);
    expect(serials(await search(admin, 'srch_'))).toEqual(['SRCH_A-0001', 'SRCH_A-0002']);
    expect(serials(await search(admin, 'SRCH_A-0001'))).toEqual(['SRCH_A-0001']);
    expect(serials(await search(admin, 'SRCH.'))).toEqual(['SRCH.B/0001']);
    expect(serials(await search(admin, 'srch', '&order=desc'))).toEqual(['SRCH_A-0002', 'SRCH_A-0001', 'SRCHXA-0001', 'SRCH/B.0001', 'SRCH.B/0001']);
    for (const q of ['SRCH%', 'SRC_', 'SRCH~', 'SRCHZ', '%']) expect(await search(admin, q)).toMatchObject({ items: [], total: 0 });
    expect(await search(admin, 'srch', '&pageSize=2&page=3')).toMatchObject({ total: 5, page: 3, pageSize: 2, items: [{ serialNo: 'SRCH_A-0002' }] });
    if (dialect === 'postgres') {
      // Byte order whatever the database's locale: the range and the sort rely on it (migration 0005).
      const { rows } = await sql<{ collation_name: string }>`select collation_name from information_schema.columns where table_name = 'equipment_units' and column_name = 'serial_no'`.execute(t.handle.db);
      expect(rows).toEqual([{ collation_name: 'C' }]);
    }
  });

  it('shows a region manager only the units of owners in his subtree, in the page and in the total', async () => {
    await addUnits('SCOPE-E', 3, eastOwner);
    await addUnits('SCOPE-N', 4, northOwner);
    expect(await search(admin, 'scope-')).toMatchObject({ total: 7 });
    const mine = await search(east, 'scope-');
    expect(serials(mine)).toEqual(['SCOPE-E0000', 'SCOPE-E0001', 'SCOPE-E0002']);
    expect(mine.total).toBe(3);
    expect(await search(east, 'SCOPE-N')).toMatchObject({ items: [], total: 0 });
    // Full pages make the count run: it must be scoped too.
    expect(await search(east, 'scope-', '&pageSize=1')).toMatchObject({ total: 3, items: [{ serialNo: 'SCOPE-E0000' }] });
    expect(await search(east, 'scope-', '&pageSize=1&page=5')).toMatchObject({ total: 3, items: [] });
    // A unit sold on to an owner outside the subtree leaves the region's search.
    const moved = (await search(admin, 'SCOPE-E0001')).items[0] as UnitJson;
    const transfer = await t.call(admin, 'POST', `/api/v1/equipment/${moved.id}/transfers`, { toCustomerId: northOwner, date: '2025-06-01', version: moved.version });
    expect(transfer.statusCode).toBe(201);
    const after = await search(east, 'scope-', '&pageSize=1');
    expect(after.total).toBe(2);
    expect(serials(await search(east, 'scope-'))).toEqual(['SCOPE-E0000', 'SCOPE-E0002']);
  });

  it('counts a serial search only up to the cap past the page, and says so', async () => {
    const db = t.handle.db;
    await addUnits('CAPT-', 7, eastOwner);
    const q = (page: number, pageSize: number, prefix = 'capt-') => listEquipmentQuerySchema.parse({ q: prefix, page: String(page), pageSize: String(pageSize) });
    const all = { all: true } as const;
    const first = await listUnits(db, all, q(1, 2), 3);
    expect(first.rows.map((r) => r.serial_no)).toEqual(['CAPT-0000', 'CAPT-0001']);
    expect(first).toMatchObject({ total: 3, isTotalCapped: true });
    // The cap counts from the page's start, so a later page still sees more ahead.
    expect(await listUnits(db, all, q(2, 2), 3)).toMatchObject({ total: 5, isTotalCapped: true });
    expect(await listUnits(db, all, q(3, 2), 3)).toMatchObject({ total: 7, isTotalCapped: false });
    expect(await listUnits(db, all, q(4, 2), 3)).toMatchObject({ total: 7, isTotalCapped: false });
    expect(await listUnits(db, all, q(9, 2), 3)).toMatchObject({ rows: [], total: 7, isTotalCapped: false });
    expect(await listUnits(db, all, q(1, 2, 'CAPT-000'), 10)).toMatchObject({ total: 7, isTotalCapped: false });
    const eastPath = (await db.selectFrom('orgs').select('path').where('code', '=', 'R-EAST').executeTakeFirstOrThrow()).path;
    expect(await listUnits(db, { all: false, orgPath: eastPath }, q(1, 2), 3)).toMatchObject({ total: 3, isTotalCapped: true });
    // Without a serial prefix the list keeps its exact total.
    const plain = await listUnits(db, all, listEquipmentQuerySchema.parse({ pageSize: '2' }), 3);
    expect(plain.isTotalCapped).toBe(false);
    expect(plain.total).toBeGreaterThan(20);

    await addUnits('CAPH-', SERIAL_SEARCH_TOTAL_CAP + 5, eastOwner);
    expect(await search(admin, 'CAPH-')).toMatchObject({ total: SERIAL_SEARCH_TOTAL_CAP, items: { length: 20 } });
    expect((await search(admin, 'CAPH-', '&pageSize=50&page=2')).total).toBe(SERIAL_SEARCH_TOTAL_CAP + 5);
  });
});
