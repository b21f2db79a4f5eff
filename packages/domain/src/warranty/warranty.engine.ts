import { compareDates, type LocalDate } from './warranty.dates.js';
import type {
  WarrantyStartEvent,
  WarrantyContract,
  WarrantyInput,
  WarrantyPolicy,
  WarrantyUnit,
} from './warranty.schemas.js';
import type {
  WarrantyCoverage,
  WarrantyReason,
  WarrantyResult,
  WarrantyStatus,
} from './warranty.result.schemas.js';
import {
  contractCoverage,
  findVoidingExclusion,
  latestUntil,
  periodCoverage,
  windowsCoverage,
  type EngineContext,
} from './warranty.coverage.js';
import { repeatedRepairCoverages } from './warranty.repeated-repair.js';

// computeWarranty: the 三包 status of one unit on one calendar day, with its reasons.
// It is pure: the same input always gives the same answer, and only what is known on the query
// date counts (readings, repairs and exclusions dated later are ignored; a repair still open on
// the query date counts its days up to that date).

// When the chosen start event has no date, fall back to the next earlier event in the chain.
const fallbackChain: Record<WarrantyStartEvent, readonly WarrantyStartEvent[]> = {
  acceptance: ['acceptance', 'installation', 'sale'],
  installation: ['installation', 'sale'],
  sale: ['sale'],
};

function eventDate(unit: WarrantyUnit, event: WarrantyStartEvent): LocalDate | undefined {
  switch (event) {
    case 'sale':
      return unit.saleDate;
    case 'installation':
      return unit.installationDate;
    case 'acceptance':
      return unit.acceptanceDate;
    default: {
      const unhandled: never = event;
      throw new Error(`unknown start event ${String(unhandled)}`);
    }
  }
}

export type WarrantyStart = WarrantyResult['start'] & { reasons: WarrantyReason[] };

/** The day the warranty starts: the unit's or the policy's start event, or its fallback. */
export function resolveWarrantyStart(unit: WarrantyUnit, policy: WarrantyPolicy): WarrantyStart {
  const requestedEvent = unit.startEvent ?? policy.startEvent;
  for (const event of fallbackChain[requestedEvent]) {
    const date = eventDate(unit, event);
    if (date === undefined) continue;
    const isFallback = event !== requestedEvent;
    const reason: WarrantyReason = isFallback
      ? { code: 'start_event_fallback', params: { requested: requestedEvent, used: event, date } }
      : { code: 'start_event', params: { event, date } };
    return { date, event, requestedEvent, isFallback, reasons: [reason] };
  }
  // Unreachable: the sale date is required and ends every chain.
  throw new Error('unit has no sale date');
}

function buildContext(input: WarrantyInput, start: LocalDate): EngineContext {
  const { queryDate } = input;
  const known = (date: LocalDate) => compareDates(date, queryDate) <= 0;
  const byDate = <T>(get: (x: T) => LocalDate) => (a: T, b: T) => compareDates(get(a), get(b));
  return {
    queryDate,
    start,
    policy: input.policy,
    baseline: input.unit.initialUsage ?? 0,
    readings: (input.readings ?? []).filter((r) => known(r.date)).sort(byDate((r) => r.date)),
    repairs: (input.repairs ?? [])
      .filter((r) => r.isWarrantyRepair !== false && known(r.startDate))
      .sort(byDate((r) => r.startDate)),
    exclusions: (input.exclusions ?? []).filter((e) => known(e.foundOn)).sort(byDate((e) => e.foundOn)),
  };
}

/** Reasons about exclusions that do not end the whole-unit warranty but matter to whoever reads it. */
function wholeUnitNotes(ctx: EngineContext): WarrantyReason[] {
  const notes: WarrantyReason[] = [];
  const { voidingKinds, wearParts } = ctx.policy.exclusions;
  if (wearParts.length) notes.push({ code: 'wear_parts_excluded', params: { parts: wearParts } });
  for (const e of ctx.exclusions) {
    if (!voidingKinds.includes(e.kind)) {
      notes.push({ code: 'exclusion_not_voiding', params: { kind: e.kind, since: e.foundOn } });
    } else if (e.part !== undefined) {
      notes.push({ code: 'part_excluded', params: { part: e.part, kind: e.kind, since: e.foundOn } });
    }
  }
  return notes;
}

type Coverages = Pick<
  WarrantyResult,
  'returnWindow' | 'replaceWindow' | 'wholeUnit' | 'mainParts' | 'contracts' | 'repeatedRepair'
>;

function summarise(
  ctx: EngineContext,
  c: Coverages,
  contracts: readonly WarrantyContract[],
): { status: WarrantyStatus; until: LocalDate | null; reasons: WarrantyReason[] } {
  // Contracts without a parts list cover the whole unit like the repair warranty does.
  const wholeCoverages = [c.wholeUnit, ...c.contracts.filter((_, i) => !contracts[i]?.coveredParts?.length)];
  const all: WarrantyCoverage[] = [
    c.returnWindow,
    c.replaceWindow,
    c.wholeUnit,
    ...c.mainParts,
    ...c.contracts,
    ...c.repeatedRepair,
  ];
  const applying = all.filter((x) => x.applies);
  const coveringWhole = wholeCoverages.filter((x) => x.applies);
  const hasPartExclusion = ctx.exclusions.some(
    (e) => e.part !== undefined && ctx.policy.exclusions.voidingKinds.includes(e.kind),
  );
  const unitExclusion = findVoidingExclusion(ctx, null);
  const after = ctx.policy.afterWarranty;
  const afterReason: WarrantyReason[] =
    after && after !== 'none' ? [{ code: 'after_warranty_service', params: { mode: after } }] : [];

  if (coveringWhole.length && !hasPartExclusion) {
    const until = latestUntil(coveringWhole.map((x) => x.until));
    return { status: 'in_warranty', until, reasons: [{ code: 'summary_whole_unit_covered', params: { until } }] };
  }
  if (applying.length) {
    const covered = applying.map((x) => ({ kind: x.kind, label: x.label }));
    const until = coveringWhole.length ? latestUntil(coveringWhole.map((x) => x.until)) : null;
    const reasons: WarrantyReason[] = [{ code: 'summary_partially_covered', params: { covered } }, ...afterReason];
    return { status: 'partially', until, reasons };
  }
  if (unitExclusion) {
    const params = { kind: unitExclusion.kind, since: unitExclusion.foundOn };
    return { status: 'excluded', until: null, reasons: [{ code: 'summary_excluded', params }, ...afterReason] };
  }
  if (compareDates(ctx.queryDate, ctx.start) < 0) {
    return { status: 'not_started', until: null, reasons: [{ code: 'summary_not_started', params: { from: ctx.start } }] };
  }
  const ended = [c.wholeUnit, ...c.mainParts, ...c.contracts].map((x) => x.until).filter((d) => d !== null);
  const lastUntil = ended.length ? latestUntil(ended) : null;
  return { status: 'expired', until: null, reasons: [{ code: 'summary_expired', params: { lastUntil } }, ...afterReason] };
}

/** The warranty status of one unit on `input.queryDate` (Asia/Shanghai calendar date). */
export function computeWarranty(input: WarrantyInput): WarrantyResult {
  const { policy } = input;
  const start = resolveWarrantyStart(input.unit, policy);
  const ctx = buildContext(input, start.date);
  const contracts = input.contracts ?? [];
  const wholeUnit = periodCoverage(ctx, { key: 'whole_unit', kind: 'whole_unit', label: '' }, policy.wholeUnit, null);
  wholeUnit.reasons = [...start.reasons, ...wholeUnit.reasons, ...wholeUnitNotes(ctx)];
  const coverages: Coverages = {
    returnWindow: windowsCoverage(ctx, 'return', policy.returnWindows),
    replaceWindow: windowsCoverage(ctx, 'replace', policy.replaceWindows),
    wholeUnit,
    mainParts: (policy.mainParts ?? []).map((part) =>
      periodCoverage(ctx, { key: `part:${part.name}`, kind: 'main_part', label: part.name }, part, part.name),
    ),
    contracts: contracts.map((contract) => contractCoverage(ctx, contract)),
    repeatedRepair: repeatedRepairCoverages(ctx),
  };
  const summary = summarise(ctx, coverages, contracts);
  return {
    queryDate: input.queryDate,
    start: { date: start.date, event: start.event, requestedEvent: start.requestedEvent, isFallback: start.isFallback },
    status: summary.status,
    until: summary.until,
    reasons: [...summary.reasons, ...start.reasons],
    ...coverages,
  };
}
