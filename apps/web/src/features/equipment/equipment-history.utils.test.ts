import { describe, expect, it } from 'vitest';
import { buildHistory } from './equipment-history.utils';

const unit = { saleDate: '2025-03-10', deliveryDate: '2025-03-10', installationDate: '2025-03-12', acceptanceDate: null };

describe('buildHistory', () => {
  it('merges dates, readings, transfers and contracts, newest first', () => {
    const events = buildHistory(
      unit,
      [{ id: 'r1', date: '2025-09-01', value: 420, note: null, recordedBy: null, createdAt: '2025-09-01T02:00:00Z' }],
      [{ id: 't1', date: '2026-01-05', fromCustomerId: 'a', fromCustomerName: '张三', toCustomerId: 'b', toCustomerName: '李四', note: '转卖', recordedBy: null, createdAt: '' }],
      [{ id: 'c1', kind: 'maintenance', contractNo: 'WB-1', name: '年度保养', startDate: '2025-09-01', endDate: '2026-08-31', coveredParts: null, usageLimit: null, priceFen: 0, createdAt: '' }],
    );
    expect(events.map((e) => `${e.date} ${e.kind}`)).toEqual([
      '2026-01-05 transfer',
      '2025-09-01 reading',
      '2025-09-01 contract',
      '2025-03-12 installation',
      '2025-03-10 delivery',
      '2025-03-10 sale',
    ]);
    expect(events[0]).toMatchObject({ from: '张三', to: '李四', note: '转卖' });
  });

  it('leaves out dates that were never recorded', () => {
    const events = buildHistory({ ...unit, deliveryDate: null, installationDate: null }, [], [], []);
    expect(events.map((e) => e.kind)).toEqual(['sale']);
  });
});
