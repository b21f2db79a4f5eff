import type { Contract, Equipment, Reading, Transfer, WarrantyContractKind } from '@sht/domain';

type Lifecycle = 'sale' | 'delivery' | 'installation' | 'acceptance';

/** One event of a unit's history (履历), built from its dates, readings, transfers and contracts. */
export type HistoryEvent =
  | { key: string; date: string; kind: Lifecycle }
  | { key: string; date: string; kind: 'reading'; value: number; note: string | null }
  | { key: string; date: string; kind: 'transfer'; from: string; to: string; note: string | null }
  | { key: string; date: string; kind: 'contract'; contractKind: WarrantyContractKind; name: string; until: string };

// Same-day events read in the order they happen: sold, delivered, installed, accepted, then the rest.
const rank: Record<HistoryEvent['kind'], number> = {
  sale: 0,
  delivery: 1,
  installation: 2,
  acceptance: 3,
  transfer: 4,
  contract: 5,
  reading: 6,
};

/** The unit's events, newest first. Work orders will join here once they exist. */
export function buildHistory(
  unit: Pick<Equipment, 'saleDate' | 'deliveryDate' | 'installationDate' | 'acceptanceDate'>,
  readings: readonly Reading[],
  transfers: readonly Transfer[],
  contracts: readonly Contract[],
): HistoryEvent[] {
  const events: HistoryEvent[] = [{ key: 'sale', date: unit.saleDate, kind: 'sale' }];
  if (unit.deliveryDate) events.push({ key: 'delivery', date: unit.deliveryDate, kind: 'delivery' });
  if (unit.installationDate) events.push({ key: 'installation', date: unit.installationDate, kind: 'installation' });
  if (unit.acceptanceDate) events.push({ key: 'acceptance', date: unit.acceptanceDate, kind: 'acceptance' });
  for (const r of readings) events.push({ key: `reading:${r.id}`, date: r.date, kind: 'reading', value: r.value, note: r.note });
  for (const t of transfers) {
    events.push({ key: `transfer:${t.id}`, date: t.date, kind: 'transfer', from: t.fromCustomerName, to: t.toCustomerName, note: t.note });
  }
  for (const c of contracts) {
    events.push({ key: `contract:${c.id}`, date: c.startDate, kind: 'contract', contractKind: c.kind, name: c.name, until: c.endDate });
  }
  return events.sort((a, b) => (a.date === b.date ? rank[b.kind] - rank[a.kind] : a.date < b.date ? 1 : -1));
}
