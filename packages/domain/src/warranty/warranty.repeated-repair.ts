import { addDays, compareDates, isWithin, periodEnd, type LocalDate } from './warranty.dates.js';
import type { WarrantyRepair, WarrantyRepeatedRepairRule } from './warranty.schemas.js';
import type { WarrantyCoverage, WarrantyReason } from './warranty.result.schemas.js';
import {
  evaluateSpan,
  extensionByRepairs,
  findVoidingExclusion,
  repairDays,
  toCoverage,
  type EngineContext,
} from './warranty.coverage.js';

// Repeated-repair entitlements (e.g. the same serious fault repaired twice within the 三包 period
// → replacement or return). Only warranty repairs that started within the period count. An
// entitlement can be claimed from the day it is triggered until the period ends.

type Trigger = { subject: string | null; count: number; triggeredOn: LocalDate | null };

function groupBy(repairs: readonly WarrantyRepair[], key: (r: WarrantyRepair) => string | undefined) {
  const groups = new Map<string, WarrantyRepair[]>();
  for (const r of repairs) {
    const k = key(r);
    if (k === undefined) continue;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return groups;
}

/** The group that reaches `min` first; otherwise the largest group, untriggered. */
function firstToReach(groups: Map<string, WarrantyRepair[]>, min: number): Trigger {
  let best: Trigger = { subject: null, count: 0, triggeredOn: null };
  for (const [subject, list] of groups) {
    const on = list[min - 1]?.startDate ?? null;
    const candidate = { subject, count: list.length, triggeredOn: on };
    if (on !== null && (best.triggeredOn === null || compareDates(on, best.triggeredOn) < 0)) best = candidate;
    else if (best.triggeredOn === null && on === null && list.length > best.count) best = candidate;
  }
  return best;
}

function evaluateRule(rule: WarrantyRepeatedRepairRule, repairs: readonly WarrantyRepair[], ctx: EngineContext): Trigger {
  switch (rule.kind) {
    case 'same_fault': {
      const counted = rule.seriousOnly ? repairs.filter((r) => r.isSerious) : repairs;
      return firstToReach(groupBy(counted, (r) => r.faultCode), rule.minRepairs);
    }
    case 'main_part_replacements': {
      const parts = rule.parts ?? ctx.policy.mainParts?.map((p) => p.name);
      const counted = repairs.filter((r) => r.isMainPartReplacement && (!parts || parts.includes(r.mainPart ?? '')));
      return firstToReach(groupBy(counted, (r) => r.mainPart), rule.minReplacements);
    }
    case 'cumulative_repair_days': {
      let total = 0;
      let triggeredOn: LocalDate | null = null;
      for (const r of repairs) {
        const days = repairDays(r, ctx.queryDate);
        if (triggeredOn === null && total + days > rule.moreThanDays) {
          triggeredOn = addDays(r.startDate, rule.moreThanDays - total);
        }
        total += days;
      }
      return { subject: null, count: total, triggeredOn };
    }
    case 'single_repair_days': {
      let best: Trigger = { subject: null, count: 0, triggeredOn: null };
      for (const r of repairs) {
        const days = repairDays(r, ctx.queryDate);
        if (days > rule.moreThanDays) {
          const on = addDays(r.startDate, rule.moreThanDays);
          if (best.triggeredOn === null || compareDates(on, best.triggeredOn) < 0) {
            best = { subject: r.faultCode, count: days, triggeredOn: on };
          }
        } else if (best.triggeredOn === null && days > best.count) {
          best = { subject: r.faultCode, count: days, triggeredOn: null };
        }
      }
      return best;
    }
    default: {
      const unhandled: never = rule;
      throw new Error(`unknown repeated-repair rule ${JSON.stringify(unhandled)}`);
    }
  }
}

function threshold(rule: WarrantyRepeatedRepairRule): number {
  switch (rule.kind) {
    case 'same_fault':
      return rule.minRepairs;
    case 'main_part_replacements':
      return rule.minReplacements;
    case 'cumulative_repair_days':
    case 'single_repair_days':
      return rule.moreThanDays;
    default: {
      const unhandled: never = rule;
      throw new Error(`unknown repeated-repair rule ${JSON.stringify(unhandled)}`);
    }
  }
}

export function repeatedRepairCoverages(ctx: EngineContext): WarrantyCoverage[] {
  const config = ctx.policy.repeatedRepair;
  if (!config) return [];
  const months = config.withinMonths ?? ctx.policy.wholeUnit.months;
  const usageLimit = config.withinUsage ?? ctx.policy.wholeUnit.usageLimit;
  const lead: WarrantyReason[] = [];
  let dateEnd: LocalDate | null = null;
  let extensionDays = 0;
  if (months !== undefined) {
    const baseEnd = periodEnd(ctx.start, months);
    extensionDays = extensionByRepairs(ctx.policy.repairExtension, ctx, baseEnd).days;
    dateEnd = addDays(baseEnd, extensionDays);
    lead.push({ code: 'period', params: { months, from: ctx.start, until: baseEnd } });
  }
  const limit = usageLimit === undefined ? null : { value: usageLimit, baseline: ctx.baseline };
  const period = evaluateSpan(ctx, ctx.start, dateEnd, limit, findVoidingExclusion(ctx, null));
  const inPeriod = ctx.repairs.filter((r) => isWithin(r.startDate, ctx.start, period.until));

  return config.rules.map((rule, index) => {
    const trigger = evaluateRule(rule, inPeriod, ctx);
    const head = { key: `rule:${index}`, kind: 'repeated_repair' as const, label: trigger.subject ?? '' };
    const base = { rule: rule.kind, subject: trigger.subject, count: trigger.count, threshold: threshold(rule) };
    const isTriggered =
      trigger.triggeredOn !== null &&
      compareDates(trigger.triggeredOn, ctx.queryDate) <= 0 &&
      (period.until === null || compareDates(trigger.triggeredOn, period.until) <= 0);
    const ruleLead: WarrantyReason[] = [...lead];
    if (isTriggered && trigger.triggeredOn !== null) {
      const needsFaultPersisting = 'needsFaultPersisting' in rule && rule.needsFaultPersisting;
      const params = { ...base, triggeredOn: trigger.triggeredOn, remedy: rule.remedy, needsFaultPersisting };
      ruleLead.push({ code: 'repeated_repair_met', params });
    } else {
      ruleLead.push({ code: 'repeated_repair_not_met', params: base });
    }
    const state = period.state === 'active' && !isTriggered ? 'not_entitled' : period.state;
    const coverage = toCoverage(head, ctx.start, { ...period, state }, ruleLead, extensionDays);
    return { ...coverage, remedy: rule.remedy };
  });
}
