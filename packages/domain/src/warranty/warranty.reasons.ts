import type { Locale } from '../common/common.schemas.js';
import type {
  WarrantyAfterService,
  WarrantyContractKind,
  WarrantyExclusionKind,
  WarrantyRemedy,
  WarrantyStartEvent,
  WarrantyUsageUnit,
  WarrantyWindowCondition,
} from './warranty.schemas.js';
import type {
  WarrantyCoverageKind,
  WarrantyCoverage,
  WarrantyCoverageState,
  WarrantyRepeatedRuleKind,
  WarrantyReason,
  WarrantyResult,
  WarrantyStatus,
} from './warranty.result.schemas.js';

// Renders warranty reasons in zh-CN and en: "在保至 2027-03-01，因为……" / "In warranty until …, because …".

type Terms = {
  event: Record<WarrantyStartEvent, string>;
  unit: Record<WarrantyUsageUnit, string>;
  condition: Record<WarrantyWindowCondition, string>;
  remedy: Record<WarrantyRemedy, string>;
  exclusion: Record<WarrantyExclusionKind, string>;
  contract: Record<WarrantyContractKind, string>;
  after: Record<WarrantyAfterService, string>;
  coverage: Record<WarrantyCoverageKind, string>;
  rule: Record<WarrantyRepeatedRuleKind, string>;
};

const zh: Terms = {
  event: { sale: '销售（开票）日期', installation: '安装日期', acceptance: '验收（交付）日期' },
  unit: { hour: '小时', km: '公里' },
  condition: {
    any_reason: '无需理由',
    quality_issue: '出现质量问题（性能故障）',
    main_part_replacement: '因质量问题需更换主要部件',
    serious_safety_fault: '出现严重安全性能故障',
  },
  remedy: { replace: '更换', return: '退货', replace_or_return: '更换或退货', replace_part: '更换主要部件' },
  exclusion: { misuse: '使用不当', unauthorised_repair: '非授权维修', accident: '事故损坏', modification: '私自改装' },
  contract: { extended_warranty: '延保合同', maintenance: '维保合同' },
  after: { none: '无', paid: '有偿维修', lifelong_paid_on_site: '终身有偿上门服务' },
  coverage: { return: '包退', replace: '包换', whole_unit: '整机包修', main_part: '主要部件', contract: '合同', repeated_repair: '多次修理退换' },
  rule: {
    same_fault: '同一故障修理次数',
    main_part_replacements: '同一主要部件更换次数',
    cumulative_repair_days: '累计修理天数',
    single_repair_days: '单次修理天数',
  },
};

const en: Terms = {
  event: { sale: 'sale (invoice) date', installation: 'installation date', acceptance: 'acceptance (delivery) date' },
  unit: { hour: 'h', km: 'km' },
  condition: {
    any_reason: 'for any reason',
    quality_issue: 'for a quality problem',
    main_part_replacement: 'when a main part must be replaced',
    serious_safety_fault: 'for a serious safety fault',
  },
  remedy: { replace: 'replacement', return: 'return', replace_or_return: 'replacement or return', replace_part: 'main-part replacement' },
  exclusion: { misuse: 'misuse', unauthorised_repair: 'unauthorised repair', accident: 'accident damage', modification: 'unauthorised modification' },
  contract: { extended_warranty: 'extended warranty', maintenance: 'maintenance contract' },
  after: { none: 'none', paid: 'paid repair', lifelong_paid_on_site: 'lifelong paid on-site service' },
  coverage: { return: 'return', replace: 'replacement', whole_unit: 'whole-unit repair', main_part: 'main part', contract: 'contract', repeated_repair: 'repeated-repair remedy' },
  rule: {
    same_fault: 'repairs of the same fault',
    main_part_replacements: 'replacements of the same main part',
    cumulative_repair_days: 'total days in repair',
    single_repair_days: 'days of a single repair',
  },
};

/** 60000 → "60,000" without depending on the host's ICU data. */
export function formatWarrantyNumber(n: number): string {
  const [int = '', frac] = String(n).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

const isDayRule = (rule: WarrantyRepeatedRuleKind) => rule === 'cumulative_repair_days' || rule === 'single_repair_days';

function renderZh(r: WarrantyReason): string {
  const t = zh;
  switch (r.code) {
    case 'start_event': return `保修自${t.event[r.params.event]} ${r.params.date} 起算`;
    case 'start_event_fallback': return `未记录${t.event[r.params.requested]}，改按${t.event[r.params.used]} ${r.params.date} 起算`;
    case 'not_started': return `自 ${r.params.from} 起才生效`;
    case 'period': return `期限 ${r.params.months} 个月，自 ${r.params.from} 至 ${r.params.until}`;
    case 'no_date_limit': return '不限日期，仅以使用量为限';
    case 'window': return `起算后 ${r.params.days} 日内${t.condition[r.params.condition]}可办理，截至 ${r.params.until}（${r.params.isOpen ? '进行中' : '已结束'}）`;
    case 'no_window': return '本政策不提供此项';
    case 'usage_within_limit': return `使用量 ${formatWarrantyNumber(r.params.used)} ${t.unit[r.params.unit]}（${r.params.asOf} 读数），未达上限 ${formatWarrantyNumber(r.params.limit)} ${t.unit[r.params.unit]}`;
    case 'usage_limit_reached': return `${r.params.reachedOn} 读数 ${formatWarrantyNumber(r.params.reading)} ${t.unit[r.params.unit]}，已达上限 ${formatWarrantyNumber(r.params.limit)} ${t.unit[r.params.unit]}（以先到者为准）`;
    case 'usage_unknown': return `尚无使用量读数，未核对上限 ${formatWarrantyNumber(r.params.limit)} ${t.unit[r.params.unit]}`;
    case 'extended_by_repairs': return `因 ${r.params.repairCount} 次修理占用顺延 ${r.params.days} 日（原至 ${r.params.originalUntil}）`;
    case 'date_limit_passed': return `已于 ${r.params.until} 期满`;
    case 'excluded': return `${r.params.since} 发现${r.params.part ? `${r.params.part}` : ''}${t.exclusion[r.params.kind]}，自该日起不予保修`;
    case 'exclusion_not_voiding': return `${r.params.since} 记录${t.exclusion[r.params.kind]}，按本政策不影响保修`;
    case 'part_excluded': return `${r.params.part}因${t.exclusion[r.params.kind]}自 ${r.params.since} 起不予保修`;
    case 'wear_parts_excluded': return `易损件不在包修范围：${r.params.parts.join('、')}`;
    case 'contract_period': return `${t.contract[r.params.contractKind]}有效期 ${r.params.from} 至 ${r.params.until}`;
    case 'contract_parts': return `仅覆盖：${r.params.parts.join('、')}`;
    case 'repeated_repair_met': {
      const p = r.params;
      const what = p.subject ? `「${p.subject}」` : '';
      const count = isDayRule(p.rule) ? `${p.count} 日，超过 ${p.threshold} 日` : `${p.count} 次，达到 ${p.threshold} 次`;
      const persist = p.needsFaultPersisting ? '（须确认故障仍未排除）' : '';
      return `${what}${t.rule[p.rule]} ${count}，自 ${p.triggeredOn} 起可要求${t.remedy[p.remedy]}${persist}`;
    }
    case 'repeated_repair_not_met': {
      const p = r.params;
      const unit = isDayRule(p.rule) ? '日' : '次';
      return `${p.subject ? `「${p.subject}」` : ''}${t.rule[p.rule]} ${p.count} ${unit}，未达到条件（${isDayRule(p.rule) ? '超过 ' : ''}${p.threshold} ${unit}）`;
    }
    case 'summary_whole_unit_covered': return r.params.until ? `整机在保至 ${r.params.until}` : '整机在保（不限日期）';
    case 'summary_partially_covered': return `仍在保的有：${r.params.covered.map((c) => c.label || t.coverage[c.kind]).join('、')}`;
    case 'summary_expired': return r.params.lastUntil ? `最后在保日为 ${r.params.lastUntil}` : '没有任何保修';
    case 'summary_excluded': return `${r.params.since} 发现${t.exclusion[r.params.kind]}`;
    case 'summary_not_started': return `保修自 ${r.params.from} 起算`;
    case 'after_warranty_service': return `保外可享受${t.after[r.params.mode]}`;
    default: { const unhandled: never = r; return String(unhandled); }
  }
}

function renderEn(r: WarrantyReason): string {
  const t = en;
  const qty = (n: number, u: WarrantyUsageUnit) => `${formatWarrantyNumber(n)} ${t.unit[u]}`;
  switch (r.code) {
    case 'start_event': return `the warranty starts on the ${t.event[r.params.event]}, ${r.params.date}`;
    case 'start_event_fallback': return `no ${t.event[r.params.requested]} is recorded, so it starts on the ${t.event[r.params.used]}, ${r.params.date}`;
    case 'not_started': return `it only starts on ${r.params.from}`;
    case 'period': return `the term is ${r.params.months} months, from ${r.params.from} to ${r.params.until}`;
    case 'no_date_limit': return 'there is no date limit, only a usage limit';
    case 'window': return `within ${r.params.days} days ${t.condition[r.params.condition]}, until ${r.params.until} (${r.params.isOpen ? 'open' : 'closed'})`;
    case 'no_window': return 'the policy does not offer it';
    case 'usage_within_limit': return `usage is ${qty(r.params.used, r.params.unit)} on ${r.params.asOf}, below the limit of ${qty(r.params.limit, r.params.unit)}`;
    case 'usage_limit_reached': return `the reading of ${qty(r.params.reading, r.params.unit)} on ${r.params.reachedOn} reached the limit of ${qty(r.params.limit, r.params.unit)} (whichever comes first)`;
    case 'usage_unknown': return `no meter reading yet, so the limit of ${qty(r.params.limit, r.params.unit)} is unchecked`;
    case 'extended_by_repairs': return `extended by ${r.params.days} days for ${r.params.repairCount} repair(s) (originally until ${r.params.originalUntil})`;
    case 'date_limit_passed': return `it ended on ${r.params.until}`;
    case 'excluded': return `${t.exclusion[r.params.kind]}${r.params.part ? ` of ${r.params.part}` : ''} was found on ${r.params.since}, which voids it from that day`;
    case 'exclusion_not_voiding': return `${t.exclusion[r.params.kind]} recorded on ${r.params.since} does not void this policy`;
    case 'part_excluded': return `${r.params.part} is excluded from ${r.params.since} for ${t.exclusion[r.params.kind]}`;
    case 'wear_parts_excluded': return `wear parts are not covered: ${r.params.parts.join(', ')}`;
    case 'contract_period': return `the ${t.contract[r.params.contractKind]} runs from ${r.params.from} to ${r.params.until}`;
    case 'contract_parts': return `it covers only: ${r.params.parts.join(', ')}`;
    case 'repeated_repair_met': {
      const p = r.params;
      const count = isDayRule(p.rule) ? `${p.count} days, more than ${p.threshold}` : `${p.count}, at least ${p.threshold}`;
      const persist = p.needsFaultPersisting ? ' if the fault persists' : '';
      return `${t.rule[p.rule]}${p.subject ? ` (${p.subject})` : ''}: ${count}, so ${t.remedy[p.remedy]} may be claimed from ${p.triggeredOn}${persist}`;
    }
    case 'repeated_repair_not_met': {
      const p = r.params;
      const need = isDayRule(p.rule) ? `more than ${p.threshold}` : `at least ${p.threshold}`;
      return `${t.rule[p.rule]}${p.subject ? ` (${p.subject})` : ''}: ${p.count}, needs ${need}`;
    }
    case 'summary_whole_unit_covered': return r.params.until ? `the whole unit is covered until ${r.params.until}` : 'the whole unit is covered with no date limit';
    case 'summary_partially_covered': return `still covered: ${r.params.covered.map((c) => c.label || t.coverage[c.kind]).join(', ')}`;
    case 'summary_expired': return r.params.lastUntil ? `the last covered day was ${r.params.lastUntil}` : 'nothing was ever covered';
    case 'summary_excluded': return `${t.exclusion[r.params.kind]} was found on ${r.params.since}`;
    case 'summary_not_started': return `the warranty starts on ${r.params.from}`;
    case 'after_warranty_service': return `after warranty: ${t.after[r.params.mode]}`;
    default: { const unhandled: never = r; return String(unhandled); }
  }
}

export function renderWarrantyReason(reason: WarrantyReason, locale: Locale): string {
  return locale === 'en' ? renderEn(reason) : renderZh(reason);
}

function because(head: string, reasons: readonly WarrantyReason[], locale: Locale): string {
  const parts = reasons.map((r) => renderWarrantyReason(r, locale));
  if (locale === 'en') return parts.length ? `${head}, because ${parts.join('; ')}.` : `${head}.`;
  return parts.length ? `${head}，因为${parts.join('；')}。` : `${head}。`;
}

function coverageHead(c: WarrantyCoverage, locale: Locale): string {
  const until = c.until;
  const heads: Record<WarrantyCoverageState, [string, string]> = {
    active: until ? [`在保至 ${until}`, `In warranty until ${until}`] : ['在保（不限日期）', 'In warranty (no date limit)'],
    not_started: ['尚未生效', 'Not started yet'],
    expired: [`已过期（最后有效日 ${until ?? '-'}）`, `Expired (last covered day ${until ?? '-'})`],
    usage_limit_reached: [`已达使用上限（最后有效日 ${until ?? '-'}）`, `Usage limit reached (last covered day ${until ?? '-'})`],
    excluded: ['不予保修', 'Not covered'],
    not_entitled: ['不适用', 'Not applicable'],
  };
  const [zhHead, enHead] = heads[c.state];
  return locale === 'en' ? enHead : zhHead;
}

/** One coverage in words, e.g. "在保至 2027-03-01，因为……". */
export function renderWarrantyCoverage(coverage: WarrantyCoverage, locale: Locale): string {
  return because(coverageHead(coverage, locale), coverage.reasons, locale);
}

const statusHeads: Record<WarrantyStatus, [string, string]> = {
  in_warranty: ['在保', 'In warranty'],
  partially: ['部分在保', 'Partially covered'],
  expired: ['已过保', 'Out of warranty'],
  excluded: ['不予保修', 'Excluded'],
  not_started: ['尚未起保', 'Not started'],
};

/** The overall status in one sentence. */
export function renderWarrantySummary(result: WarrantyResult, locale: Locale): string {
  const [zhHead, enHead] = statusHeads[result.status];
  return because(locale === 'en' ? enHead : zhHead, result.reasons, locale);
}
