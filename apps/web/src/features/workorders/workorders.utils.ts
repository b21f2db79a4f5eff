import type { Diagnosis, GeoPosition, SlaTarget, SlaTargetKind, WorkOrder, WorkOrderStatus } from '@sht/domain';

// Pure helpers of the work-order screens: which deadline matters now, how urgent it is, how
// to show a duration, where a navigation link points, what an event's data says.

export type DurationParts = { days: number; hours: number; minutes: number };

/** Whole minutes as days/hours/minutes (the two largest non-zero parts are what people read). */
export function durationParts(totalMinutes: number): DurationParts {
  const m = Math.max(0, Math.round(totalMinutes));
  return { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60), minutes: m % 60 };
}

export type Tone = 'success' | 'warning' | 'error' | 'processing' | 'default';

/** Colour of one SLA target: met green, breached red, warning orange, paused grey, running blue. */
export function slaTargetTone(target: Pick<SlaTarget, 'state' | 'isWarning'>): Tone {
  switch (target.state) {
    case 'met':
      return 'success';
    case 'breached':
      return 'error';
    case 'paused':
      return 'default';
    case 'running':
      return target.isWarning ? 'warning' : 'processing';
    default: {
      const never: never = target.state;
      return never;
    }
  }
}

/** Share of the promised time used, 0–100 (a breached target shows a full bar). */
export function slaPercent(target: Pick<SlaTarget, 'state' | 'elapsedMinutes' | 'targetMinutes'>): number {
  if (target.state === 'breached') return 100;
  if (target.targetMinutes <= 0) return 100;
  return Math.min(100, Math.max(0, Math.round((target.elapsedMinutes / target.targetMinutes) * 100)));
}

const waiting: readonly WorkOrderStatus[] = ['waiting_parts', 'waiting_customer'];

/**
 * The deadline an order is working against now, from the list row: responding while new, then
 * arriving (for on-site work), then resolving. Null once resolved, closed or cancelled.
 */
export function nextDue(order: Pick<WorkOrder, 'status' | 'resumeStatus' | 'responseDueAt' | 'arrivalDueAt' | 'resolutionDueAt'>):
  { kind: SlaTargetKind; dueAt: string; isPaused: boolean } | null {
  const isPaused = waiting.includes(order.status);
  const status = isPaused ? (order.resumeStatus ?? order.status) : order.status;
  const pick = (kind: SlaTargetKind, dueAt: string | null) => (dueAt ? { kind, dueAt, isPaused } : null);
  switch (status) {
    case 'new':
      return pick('response', order.responseDueAt) ?? pick('resolution', order.resolutionDueAt);
    case 'accepted':
    case 'dispatched':
    case 'travelling':
      return pick('arrival', order.arrivalDueAt) ?? pick('resolution', order.resolutionDueAt);
    case 'on_site':
    case 'waiting_parts':
    case 'waiting_customer':
      return pick('resolution', order.resolutionDueAt);
    case 'resolved':
    case 'confirmed':
    case 'closed':
    case 'cancelled':
      return null;
    default: {
      const never: never = status;
      return never;
    }
  }
}

// The list has no warn threshold per target; the policies' default share (80 %) is used for colour.
const WARN_SHARE = 0.8;

/** How urgent a list row's next deadline is at `now`: overdue red, in the last 20 % orange. */
export function dueTone(due: { dueAt: string; isPaused: boolean }, createdAt: string, now: Date): Tone {
  const dueMs = Date.parse(due.dueAt);
  if (dueMs <= now.getTime()) return 'error';
  if (due.isPaused) return 'default';
  const span = dueMs - Date.parse(createdAt);
  if (span > 0 && now.getTime() - Date.parse(createdAt) >= span * WARN_SHARE) return 'warning';
  return 'processing';
}

/** A technician's jobs, most urgent deadline first; jobs without a deadline last, oldest first. */
export function byUrgency<T extends Parameters<typeof nextDue>[0] & { createdAt: string }>(orders: readonly T[]): T[] {
  const key = (o: T) => nextDue(o)?.dueAt ?? '9999';
  return [...orders].sort((a, b) => key(a).localeCompare(key(b)) || a.createdAt.localeCompare(b.createdAt));
}

/** A plain link that opens AMap (web or app) at a position, or searching an address. */
export function navigationUrl(target: { position?: { lat: number; lng: number } | null; address?: string | null }): string | null {
  if (target.position) {
    const { lat, lng } = target.position;
    return `https://uri.amap.com/marker?position=${lng},${lat}&coordinate=wgs84&callnative=1`;
  }
  const address = target.address?.trim();
  if (address) return `https://uri.amap.com/search?keyword=${encodeURIComponent(address)}&callnative=1`;
  return null;
}

/** What an event's data says, read defensively: the data column is free-form JSON. */
export type EventFacts = {
  position: GeoPosition | null;
  diagnosis: Diagnosis | null;
  assigneeName: string | null;
  orgName: string | null;
  method: 'signature' | 'portal' | 'phone' | null;
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

export function eventFacts(data: Record<string, unknown> | null): EventFacts {
  const d = data ?? {};
  const p = d.position;
  const position = isRecord(p) && typeof p.lat === 'number' && typeof p.lng === 'number'
    ? { lat: p.lat, lng: p.lng, ...(typeof p.accuracyM === 'number' ? { accuracyM: p.accuracyM } : {}) }
    : null;
  const g = d.diagnosis;
  const diagnosis = isRecord(g) && str(g.symptom) && str(g.cause) && str(g.action)
    ? { symptom: String(g.symptom), cause: String(g.cause), action: String(g.action) }
    : null;
  const m = d.method;
  const method = m === 'signature' || m === 'portal' || m === 'phone' ? m : null;
  return { position, diagnosis, assigneeName: str(d.assigneeName), orgName: str(d.orgName), method };
}

type ContactLike = { name: string; phones: readonly string[]; isPrimary: boolean };

/**
 * Who is calling, as a guess from what the agent typed to find the customer: the contact whose
 * phone contains the typed digits, else the primary contact and their first phone.
 */
export function guessCaller(contacts: readonly ContactLike[], typed: string): { name: string; phone: string | null } | null {
  const digits = typed.replace(/\D/g, '');
  if (digits.length >= 3) {
    for (const c of contacts) {
      const phone = c.phones.find((p) => p.replace(/\D/g, '').includes(digits));
      if (phone) return { name: c.name, phone };
    }
  }
  const primary = contacts.find((c) => c.isPrimary) ?? contacts[0];
  return primary ? { name: primary.name, phone: primary.phones[0] ?? null } : null;
}

/** Integer fen as yuan with two decimals ("¥1,234.50"); negative amounts (compensation) keep their sign. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed in a form → integer fen (money is stored in fen). */
export function yuanToFen(yuan: number | null | undefined): number {
  return yuan ? Math.round(yuan * 100) : 0;
}
