import {
  addDays,
  compareDates,
  diffDays,
  isWithin,
  maxDate,
  minDate,
  periodEnd,
  windowEnd,
  type LocalDate,
} from './warranty.dates.js';
import type {
  WarrantyExclusion,
  WarrantyMeterReading,
  WarrantyRepair,
  WarrantyRepairExtension,
  WarrantyUsageUnit,
  WarrantyContract,
  WarrantyPolicy,
  WarrantyWindow,
} from './warranty.schemas.js';
import type {
  WarrantyCoverage,
  WarrantyCoverageKind,
  WarrantyCoverageState,
  WarrantyReason,
  WarrantyUsageStatus,
} from './warranty.result.schemas.js';

// Building blocks of the engine: usage limits, extension by repair days, exclusions, and one
// coverage span (from a start to a date limit and/or usage limit).

/** Everything known as of the query date, normalised once. */
export type EngineContext = {
  queryDate: LocalDate;
  start: LocalDate;
  policy: WarrantyPolicy;
  baseline: number; // meter reading when the warranty started
  readings: WarrantyMeterReading[]; // sorted by date, only those on or before the query date
  repairs: WarrantyRepair[]; // warranty repairs started on or before the query date, sorted by start
  exclusions: WarrantyExclusion[]; // found on or before the query date, sorted by date
};

/**
 * Days a unit spent in repair as of the query date, counting both the day it came in and the day
 * it was handed back: a same-day repair is 1 day ("一次修理占用时间不足24小时的,以1日计", car 三包
 * rules). A repair still open counts up to the query date.
 */
export function repairDays(repair: WarrantyRepair, queryDate: LocalDate): number {
  const end = repair.endDate === undefined ? queryDate : minDate(repair.endDate, queryDate);
  return Math.max(0, diffDays(repair.startDate, end) + 1);
}

/** Usage against a limit: reached on the date of the first reading at or over it (no interpolation). */
export function evaluateUsage(
  limit: number,
  unit: WarrantyUsageUnit,
  baseline: number,
  readings: readonly WarrantyMeterReading[],
): { usage: WarrantyUsageStatus; reasons: WarrantyReason[] } {
  const first = readings.find((r) => r.value - baseline >= limit);
  const latest = readings.at(-1);
  const used = latest ? latest.value - baseline : null;
  const usage: WarrantyUsageStatus = {
    limit,
    unit,
    used,
    asOf: latest?.date ?? null,
    isReached: first !== undefined,
    reachedOn: first?.date ?? null,
  };
  if (first) {
    const params = { limit, unit, reading: first.value - baseline, reachedOn: first.date };
    return { usage, reasons: [{ code: 'usage_limit_reached', params }] };
  }
  if (latest && used !== null) {
    return { usage, reasons: [{ code: 'usage_within_limit', params: { limit, unit, used, asOf: latest.date } }] };
  }
  return { usage, reasons: [{ code: 'usage_unknown', params: { limit, unit } }] };
}

/**
 * Days added to a period by repairs. A repair counts when it started within the period as
 * extended so far, so a repair that starts inside an extension extends it again.
 */
export function extensionByRepairs(
  rule: WarrantyRepairExtension | undefined,
  ctx: EngineContext,
  baseEnd: LocalDate,
): { days: number; repairCount: number } {
  if (!rule) return { days: 0, repairCount: 0 };
  let end = baseEnd;
  let days = 0;
  let repairCount = 0;
  for (const repair of ctx.repairs) {
    if (!isWithin(repair.startDate, ctx.start, end)) continue;
    const inRepair = repairDays(repair, ctx.queryDate);
    if (inRepair <= rule.minDays) continue;
    const extra = rule.mode === 'all_days' ? inRepair : inRepair - rule.minDays;
    days += extra;
    repairCount += 1;
    end = addDays(end, extra);
  }
  return { days, repairCount };
}

/** The first recorded exclusion that voids this coverage: unit-wide ones, or ones for `part`. */
export function findVoidingExclusion(ctx: EngineContext, part: string | null): WarrantyExclusion | null {
  const voiding = ctx.policy.exclusions.voidingKinds;
  return (
    ctx.exclusions.find((e) => voiding.includes(e.kind) && (e.part === undefined || e.part === part)) ?? null
  );
}

type Span = {
  state: WarrantyCoverageState;
  until: LocalDate | null;
  usage: WarrantyUsageStatus | null;
  reasons: WarrantyReason[];
};

/** Where the query date falls in a span from `from` to `dateEnd` (inclusive) and a usage limit. */
export function evaluateSpan(
  ctx: EngineContext,
  from: LocalDate,
  dateEnd: LocalDate | null,
  limit: { value: number; baseline: number } | null,
  exclusion: WarrantyExclusion | null,
): Span {
  const unit = ctx.policy.usageUnit;
  const measured = limit && unit ? evaluateUsage(limit.value, unit, limit.baseline, ctx.readings) : null;
  const reasons: WarrantyReason[] = [...(measured?.reasons ?? [])];
  const reachedOn = measured?.usage.reachedOn ?? null;
  const usageEnd = reachedOn ? addDays(reachedOn, -1) : null;
  let until = dateEnd === null ? usageEnd : usageEnd === null ? dateEnd : minDate(dateEnd, usageEnd);
  const usage = measured?.usage ?? null;
  if (compareDates(ctx.queryDate, from) < 0) {
    return { state: 'not_started', until, usage, reasons: [{ code: 'not_started', params: { from } }, ...reasons] };
  }
  if (exclusion && (until === null || compareDates(exclusion.foundOn, until) <= 0)) {
    until = addDays(exclusion.foundOn, -1);
    const params = { kind: exclusion.kind, since: exclusion.foundOn, part: exclusion.part ?? null };
    return { state: 'excluded', until, usage, reasons: [...reasons, { code: 'excluded', params }] };
  }
  if (until !== null && compareDates(ctx.queryDate, until) > 0) {
    const byUsage = usageEnd !== null && until === usageEnd;
    if (byUsage) return { state: 'usage_limit_reached', until, usage, reasons };
    return { state: 'expired', until, usage, reasons: [...reasons, { code: 'date_limit_passed', params: { until } }] };
  }
  return { state: 'active', until, usage, reasons };
}

type Head = { key: string; kind: WarrantyCoverageKind; label: string };

export function toCoverage(
  head: Head,
  from: LocalDate | null,
  span: Span,
  lead: WarrantyReason[],
  extensionDays = 0,
): WarrantyCoverage {
  return {
    ...head,
    applies: span.state === 'active',
    state: span.state,
    from,
    until: span.until,
    usage: span.usage,
    extensionDays,
    remedy: null,
    reasons: [...lead, ...span.reasons],
  };
}

/** A repair warranty of `months` (and/or a usage limit), extended by repair days when the policy says so. */
export function periodCoverage(
  ctx: EngineContext,
  head: Head,
  term: { months?: number | undefined; usageLimit?: number | undefined },
  exclusionPart: string | null,
): WarrantyCoverage {
  const lead: WarrantyReason[] = [];
  let dateEnd: LocalDate | null = null;
  let extensionDays = 0;
  if (term.months !== undefined) {
    const baseEnd = periodEnd(ctx.start, term.months);
    const ext = extensionByRepairs(ctx.policy.repairExtension, ctx, baseEnd);
    dateEnd = addDays(baseEnd, ext.days);
    extensionDays = ext.days;
    lead.push({ code: 'period', params: { months: term.months, from: ctx.start, until: baseEnd } });
    if (ext.days > 0) {
      const params = { days: ext.days, repairCount: ext.repairCount, originalUntil: baseEnd };
      lead.push({ code: 'extended_by_repairs', params });
    }
  } else {
    lead.push({ code: 'no_date_limit', params: {} });
  }
  const limit = term.usageLimit === undefined ? null : { value: term.usageLimit, baseline: ctx.baseline };
  const span = evaluateSpan(ctx, ctx.start, dateEnd, limit, findVoidingExclusion(ctx, exclusionPart));
  return toCoverage(head, ctx.start, span, lead, extensionDays);
}

/** Return or replace: open while any of its windows is open. */
export function windowsCoverage(
  ctx: EngineContext,
  kind: 'return' | 'replace',
  windows: readonly WarrantyWindow[],
): WarrantyCoverage {
  const head = { key: kind, kind, label: '' };
  if (windows.length === 0) {
    const span: Span = { state: 'not_entitled', until: null, usage: null, reasons: [] };
    return toCoverage(head, null, span, [{ code: 'no_window', params: {} }]);
  }
  const exclusion = findVoidingExclusion(ctx, null);
  const spans = windows.map((w) => {
    const limit = w.usageLimit === undefined ? null : { value: w.usageLimit, baseline: ctx.baseline };
    return { window: w, span: evaluateSpan(ctx, ctx.start, windowEnd(ctx.start, w.days), limit, exclusion) };
  });
  const open = spans.filter((s) => s.span.state === 'active');
  const pick = open.length ? open : spans;
  // The deciding span is the one that lasts longest among the open ones (or among all).
  const best = pick.reduce((a, b) => (compareDates(b.span.until ?? '9999-12-31', a.span.until ?? '9999-12-31') > 0 ? b : a));
  const reasons: WarrantyReason[] = [];
  for (const { window, span } of spans) {
    const until = span.until ?? windowEnd(ctx.start, window.days);
    const isOpen = span.state === 'active';
    reasons.push({ code: 'window', params: { days: window.days, condition: window.condition, until, isOpen } });
    // The window reason already says when it closed; usage matters only while the dates still ran.
    const relevant = span.reasons.filter(
      (r) => r.code !== 'date_limit_passed' && (span.state !== 'expired' || !r.code.startsWith('usage_')),
    );
    for (const r of relevant) {
      if (!reasons.some((x) => JSON.stringify(x) === JSON.stringify(r))) reasons.push(r);
    }
  }
  const usage = spans.find((s) => s.span.usage !== null)?.span.usage ?? null;
  const span: Span = { ...best.span, usage, reasons };
  return toCoverage(head, ctx.start, span, []);
}

export function contractCoverage(ctx: EngineContext, contract: WarrantyContract): WarrantyCoverage {
  const head = { key: `contract:${contract.id}`, kind: 'contract' as const, label: contract.name };
  const lead: WarrantyReason[] = [
    { code: 'contract_period', params: { contractKind: contract.kind, from: contract.startDate, until: contract.endDate } },
  ];
  if (contract.coveredParts?.length) lead.push({ code: 'contract_parts', params: { parts: contract.coveredParts } });
  const limit = contract.usageLimit === undefined ? null : { value: contract.usageLimit, baseline: 0 };
  const span = evaluateSpan(ctx, contract.startDate, contract.endDate, limit, findVoidingExclusion(ctx, null));
  return toCoverage(head, contract.startDate, span, lead);
}

/** The latest of some "until" dates, where null means "no date limit" and so wins. */
export function latestUntil(dates: readonly (LocalDate | null)[]): LocalDate | null {
  let latest: LocalDate | null = null;
  for (const d of dates) {
    if (d === null) return null;
    latest = latest === null ? d : maxDate(latest, d);
  }
  return latest;
}
