import {
  renderWarrantyReason,
  renderWarrantySummary,
  type Locale,
  type WarrantyCoverage,
  type WarrantyCoverageKind,
  type WarrantyCoverageState,
  type WarrantyRepeatedRuleKind,
  type WarrantyResult,
  type WarrantyStatus,
  type WarrantyUsageStatus,
} from '@sht/domain';

/** One line of the warranty card: what is covered, whether it applies today, until when, and why. */
export type WarrantyRow = {
  key: string;
  kind: WarrantyCoverageKind;
  /** Part name, contract name or the repeated fault/part; '' for return, replacement and whole unit. */
  label: string;
  /** Which repeated-repair rule a `repeated_repair` row is about; null for the other kinds. */
  rule: WarrantyRepeatedRuleKind | null;
  applies: boolean;
  state: WarrantyCoverageState;
  from: string | null;
  /** Last covered day; null with `applies` means no date limit. */
  until: string | null;
  usage: WarrantyUsageStatus | null;
  /** The engine's reasons in words, in the UI language. */
  reasons: string[];
};

/**
 * The coverages of a warranty result in the order an agent reads them out: 包退, 包换, whole unit,
 * then each main part, each contract and the repeated-repair remedies. Reasons are rendered here
 * from their codes (not taken from the server's text) so they follow a language switch at once.
 */
export function warrantyRows(result: WarrantyResult, locale: Locale): WarrantyRow[] {
  const all: WarrantyCoverage[] = [
    result.returnWindow,
    result.replaceWindow,
    result.wholeUnit,
    ...result.mainParts,
    ...result.contracts,
    ...result.repeatedRepair,
  ];
  return all.map((c) => ({
    key: c.key,
    kind: c.kind,
    label: c.label,
    rule: ruleOf(c),
    applies: c.applies,
    state: c.state,
    from: c.from,
    until: c.until,
    usage: c.usage,
    reasons: c.reasons.map((r) => renderWarrantyReason(r, locale)),
  }));
}

function ruleOf(c: WarrantyCoverage): WarrantyRepeatedRuleKind | null {
  for (const r of c.reasons) {
    if (r.code === 'repeated_repair_met' || r.code === 'repeated_repair_not_met') return r.params.rule;
  }
  return null;
}

/** The overall answer in one sentence: "在保，因为整机在保至 2027-03-01。" */
export function warrantySummary(result: WarrantyResult, locale: Locale): string {
  return renderWarrantySummary(result, locale);
}

export type WarrantyTone = 'success' | 'warning' | 'error' | 'info';

const statusColors: Record<WarrantyStatus, WarrantyTone> = {
  in_warranty: 'success',
  partially: 'warning',
  expired: 'error',
  excluded: 'error',
  not_started: 'info',
};

/** The antd Alert type that shows an overall status at a glance. */
export function warrantyStatusColor(status: WarrantyStatus): WarrantyTone {
  return statusColors[status];
}

/** Whether the overall status lets the agent promise free service (some or all of the unit is covered). */
export function isCovered(status: WarrantyStatus): boolean {
  return status === 'in_warranty' || status === 'partially';
}
