import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, testDialects, type TestApp } from '../../test/test-app.js';
import { openRecoveryCase, recoveryThreshold } from './recovery.service.js';

// Contract 1 as the survey module uses it: inside its own transaction, with no staff user.
describe.each(testDialects())('openRecoveryCase on %s', (dialect) => {
  let t: TestApp;
  let customerId: string;
  const anonymous = () => ({ actor: null, requestId: 'test', ip: null, now: new Date() });
  beforeAll(async () => {
    t = await createTestApp(dialect);
    customerId = (await t.handle.db.selectFrom('customers').select('id').where('name', '=', '张三农业合作社').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  it('defaults the threshold to 60', async () => {
    expect(await recoveryThreshold(t.handle.db)).toBe(60);
  });

  it('opens one case per source with a complaint order at the customer org, and none twice', async () => {
    const sourceId = randomUUID();
    const input = { source: 'survey' as const, sourceId, workOrderId: null, customerId, score: 35, reason: '服务态度差;维修质量一般' };
    const opened = await t.handle.db.transaction().execute((trx) => openRecoveryCase(trx, anonymous(), input));
    expect(opened).not.toBeNull();
    const order = await t.handle.db.selectFrom('work_orders').selectAll().where('id', '=', opened?.workOrderId ?? '').executeTakeFirstOrThrow();
    const customer = await t.handle.db.selectFrom('customers').select('org_id').where('id', '=', customerId).executeTakeFirstOrThrow();
    expect(order).toMatchObject({
      type: 'complaint', priority: 'high', complaint_category: 'service_quality', org_id: customer.org_id, status: 'new', customer_id: customerId,
      description: input.reason, created_by: null, at_fault_org_id: null,
    });
    expect(order.title).toContain('满意度调查低分 35 分');
    expect(order.response_due_at).not.toBeNull();
    const sla = await t.handle.db.selectFrom('work_order_sla').select('kind').where('work_order_id', '=', order.id).execute();
    expect(sla.length).toBeGreaterThan(0);
    const row = await t.handle.db.selectFrom('recovery_cases').selectAll().where('id', '=', opened?.id ?? '').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ source: 'survey', source_id: sourceId, status: 'open', original_work_order_id: null, recovery_work_order_id: order.id });
    const again = await t.handle.db.transaction().execute((trx) => openRecoveryCase(trx, anonymous(), input));
    expect(again).toBeNull();
    expect(await t.handle.db.selectFrom('recovery_cases').select('id').where('source_id', '=', sourceId).execute()).toHaveLength(1);
  });

  it('writes nothing when the caller transaction rolls back', async () => {
    const sourceId = randomUUID();
    const before = (await t.handle.db.selectFrom('work_orders').select('id').execute()).length;
    await expect(t.handle.db.transaction().execute(async (trx) => {
      await openRecoveryCase(trx, anonymous(), { source: 'survey', sourceId, workOrderId: null, customerId, score: 10, reason: 'x' });
      throw new Error('the survey answer failed to store');
    })).rejects.toThrow('failed to store');
    expect((await t.handle.db.selectFrom('work_orders').select('id').execute()).length).toBe(before);
    expect(await t.handle.db.selectFrom('recovery_cases').select('id').where('source_id', '=', sourceId).execute()).toEqual([]);
  });

  it('refuses an unknown customer', async () => {
    await expect(t.handle.db.transaction().execute((trx) => openRecoveryCase(trx, anonymous(), {
      source: 'survey', sourceId: randomUUID(), workOrderId: null, customerId: randomUUID(), score: 10, reason: 'x',
    }))).rejects.toMatchObject({ code: 'RECOVERY_CUSTOMER_NOT_FOUND' });
  });
});
