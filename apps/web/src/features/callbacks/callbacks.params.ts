import type { QueryParams } from '../../api/http-client';

// Pure helpers of the callback pages (unit-tested): quick views → API filters, hours ↔ minutes.

export type CallbackView = 'queue' | 'mine' | 'overdue' | 'all';
export const callbackViews: readonly CallbackView[] = ['queue', 'mine', 'overdue', 'all'];

type ViewParams = QueryParams & { view?: string | undefined; status?: string | undefined; sort?: string | undefined; order?: string | undefined };

/**
 * The quick view (kept in the URL as ?view=) as the API's filters. The queue is the default:
 * pending callbacks whose next attempt is due, earliest deadline first.
 */
export function callbackApiParams({ view, ...p }: ViewParams): QueryParams {
  const base: QueryParams = { ...p, sort: p.sort ?? 'dueAt', order: p.order ?? 'asc' };
  const v = callbackViews.includes(view as CallbackView) ? (view as CallbackView) : 'queue';
  switch (v) {
    case 'queue': return { ...base, status: 'pending', callable: true };
    case 'mine': return { ...base, status: p.status ?? 'pending', assignee: 'me' };
    case 'overdue': return { ...base, overdue: true };
    case 'all': return base;
    default: {
      const never: never = v;
      return never;
    }
  }
}

/** "2, 24" (hours, comma or Chinese comma or spaces) → [120, 1440] minutes; null when not all positive numbers. */
export function parseRetryHours(text: string): number[] | null {
  const parts = text.split(/[,,\s]+/).filter(Boolean).map(Number);
  return parts.every((n) => Number.isFinite(n) && n > 0) ? parts.map((h) => Math.round(h * 60)) : null;
}

export const minutesToHours = (m: number): number => Math.round((m / 60) * 100) / 100;
