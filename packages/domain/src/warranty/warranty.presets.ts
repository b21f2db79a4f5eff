import type { WarrantyMainPart, WarrantyPolicy } from './warranty.schemas.js';

// Ready-made policies. Statutory periods are minimums: a maker may promise more, never less.
// Each rule cites its source in one line; simplifications are listed per preset.
//
// What the engine cannot judge and leaves to the service agent: whether a fault is of the kind a
// window's condition names, and whether a repaired fault "persists" (仍未排除).

const parts = (months: number, names: readonly string[], usageLimit?: number): WarrantyMainPart[] =>
  names.map((name) => (usageLimit === undefined ? { name, months } : { name, months, usageLimit }));

// 家用汽车产品修理、更换、退货责任规定 (国家市场监督管理总局令第43号, 2022-01-01 施行).
// Simplified: wear parts (易损耗零部件) have their own maker-declared periods — here they are just
// not covered; the 60-day / 3,000 km free replacement of a main part itself is not modelled (it is
// a part remedy inside the whole-unit warranty); repair days do not extend car warranties.
// Note: the 2013 rules (质检总局令第150号) had "> 35 days or > 5 repairs"; 2021 has 30 days / 4.
export const householdCarPolicy: WarrantyPolicy = {
  name: '家用汽车三包(2021 规定)',
  scope: { kind: 'category', code: 'household_car' },
  source: '家用汽车产品修理、更换、退货责任规定(2021)',
  // 包修期、三包有效期自开具购车发票之日起算;与交付日不一致的自交付之日起算 (交付 = acceptance).
  startEvent: 'acceptance',
  usageUnit: 'km',
  returnWindows: [
    // 7 日内因质量问题需更换发动机、变速器、动力蓄电池、行驶驱动电机或其主要零件 → 更换或退货.
    { days: 7, condition: 'main_part_replacement' },
    // 60 日或 3,000 公里内(先到为准)转向/制动失效、车身开裂、燃油泄漏、动力蓄电池起火 → 更换或退货.
    { days: 60, usageLimit: 3000, condition: 'serious_safety_fault' },
  ],
  replaceWindows: [
    { days: 7, condition: 'main_part_replacement' },
    { days: 60, usageLimit: 3000, condition: 'serious_safety_fault' },
  ],
  // 包修期限不低于 3 年或者行驶里程 60,000 公里,以先到者为准.
  wholeUnit: { months: 36, usageLimit: 60_000 },
  // 主要部件: 发动机、变速器、动力蓄电池、行驶驱动电机 — within the 包修期 like the whole vehicle.
  mainParts: parts(36, ['发动机', '变速器', '动力蓄电池', '行驶驱动电机'], 60_000),
  repeatedRepair: {
    // 三包有效期不低于 2 年或者行驶里程 50,000 公里,以先到者为准.
    withinMonths: 24,
    withinUsage: 50_000,
    rules: [
      // 第二十四条(一): 严重安全性能故障累计 2 次修理,仍未排除或出现新的严重安全性能故障.
      { kind: 'same_fault', minRepairs: 2, seriousOnly: true, needsFaultPersisting: true, remedy: 'replace_or_return' },
      // 第二十四条(二)(三): 发动机等或其同一主要零部件因质量问题累计更换 2 次,仍不能正常使用.
      { kind: 'main_part_replacements', minReplacements: 2, needsFaultPersisting: true, remedy: 'replace_or_return' },
      // 第二十四条(四): 因质量问题累计修理时间超过 30 日.
      { kind: 'cumulative_repair_days', moreThanDays: 30, remedy: 'replace_or_return' },
      // 第二十四条(四): 因同一质量问题累计修理超过 4 次 (the 5th repair triggers it).
      { kind: 'same_fault', minRepairs: 5, seriousOnly: false, needsFaultPersisting: false, remedy: 'replace_or_return' },
    ],
  },
  exclusions: {
    // 未按说明书使用、维护、改装,非指定修理者拆动,事故损坏等不属三包.
    voidingKinds: ['misuse', 'unauthorised_repair', 'modification', 'accident'],
    wearParts: ['空气滤清器', '机油滤清器', '火花塞', '制动衬片', '离合器片', '轮胎', '刮水器刮片', '灯泡', '熔断丝'],
  },
  afterWarranty: 'paid',
};

// 部分商品修理更换退货责任规定 (国经贸质〔1995〕458号), shared by the household appliances below.
// Simplified: the annex lists more main parts per product than shown here (verify against it);
// the 90-day rule applies only when parts were unavailable, here any repair over 90 days.
const householdGoodsBase = {
  source: '部分商品修理更换退货责任规定(1995)',
  // 三包有效期自开具发票之日起计算.
  startEvent: 'sale',
  // 售出之日起 7 日内发生性能故障 → 退货、换货或修理.
  returnWindows: [{ days: 7, condition: 'quality_issue' }],
  // 售出之日起 15 日内发生性能故障 → 换货或修理.
  replaceWindows: [{ days: 15, condition: 'quality_issue' }],
  // 整机三包有效期 1 年 (附件所列商品).
  wholeUnit: { months: 12 },
  // 三包有效期扣除因修理占用和无零配件待修的时间.
  repairExtension: { mode: 'all_days', minDays: 0 },
  repeatedRepair: {
    rules: [
      // 三包有效期内修理两次仍不能正常使用 → 调换同型号同规格产品或退货.
      { kind: 'same_fault', minRepairs: 2, seriousOnly: false, needsFaultPersisting: true, remedy: 'replace_or_return' },
      // 因生产者未供应零配件,自送修之日起超过 90 日未修好 → 调换.
      { kind: 'single_repair_days', moreThanDays: 90, remedy: 'replace' },
    ],
  },
  exclusions: {
    // 使用、维护、保管不当,非承担三包修理者拆动,不可抗力造成损坏的不实行三包.
    voidingKinds: ['misuse', 'unauthorised_repair', 'accident'],
    wearParts: [],
  },
  afterWarranty: 'paid',
} satisfies Omit<WarrantyPolicy, 'name' | 'scope'>;

// 附件: 房间空气调节器 整机 1 年,主要部件(压缩机等) 3 年.
export const airConditionerPolicy: WarrantyPolicy = {
  ...householdGoodsBase,
  name: '房间空调器三包',
  scope: { kind: 'category', code: 'air_conditioner' },
  mainParts: parts(36, ['压缩机', '电动机']),
};

// 附件: 家用电冰箱 整机 1 年,主要部件(压缩机等) 3 年.
export const refrigeratorPolicy: WarrantyPolicy = {
  ...householdGoodsBase,
  name: '家用电冰箱三包',
  scope: { kind: 'category', code: 'refrigerator' },
  mainParts: parts(36, ['压缩机', '温控器']),
};

// 附件: 洗衣机 整机 1 年,主要部件(电动机、程序控制器) 3 年.
export const washingMachinePolicy: WarrantyPolicy = {
  ...householdGoodsBase,
  name: '洗衣机三包',
  scope: { kind: 'category', code: 'washing_machine' },
  mainParts: parts(36, ['电动机', '程序控制器']),
};

// 农业机械产品修理、更换、退货责任规定 (2010-06-01 施行, 国家质检总局等四部门), example: 大中型拖拉机.
// Uncertain, verify against the official text before relying on it: the 7-day return and 15-day
// replacement windows (the 1998 rules had 15-day replace-or-repair; the 2010 rules tie return and
// replacement mainly to repeated failures and long repairs); whether 2010 kept the 1998 rule that
// repair time is deducted from the 三包 period. "30 个工作日" is approximated as 42 calendar days
// (six five-day weeks, statutory holidays ignored).
export const tractorPolicy: WarrantyPolicy = {
  name: '大中型拖拉机三包(农机 2010 规定)',
  scope: { kind: 'category', code: 'tractor' },
  source: '农业机械产品修理、更换、退货责任规定(2010)',
  // 三包有效期自销售者开具购机发票之日起计算.
  startEvent: 'sale',
  usageUnit: 'hour',
  returnWindows: [{ days: 7, condition: 'quality_issue' }],
  replaceWindows: [{ days: 15, condition: 'quality_issue' }],
  // 附件1: 大中型拖拉机(18 kW 以上)整机三包有效期 1 年.
  wholeUnit: { months: 12 },
  // 附件1: 主要部件质量保证期 2 年 (部件由生产者明示在三包凭证上; a selection).
  mainParts: parts(24, ['内燃机机体', '汽缸盖', '飞轮', '机架', '变速箱箱体', '半轴壳体', '转向器壳体']),
  // 三包有效期扣除修理占用和无维修配件待修的时间 (see uncertainty above).
  repairExtension: { mode: 'all_days', minDays: 0 },
  repeatedRepair: {
    rules: [
      // 同一严重质量问题累计修理 2 次后仍出现 → 免费更换相关主要部件或系统.
      { kind: 'same_fault', minRepairs: 2, seriousOnly: true, needsFaultPersisting: true, remedy: 'replace_part' },
      // 更换主要部件或系统后又出现同一质量问题 → 换货.
      { kind: 'main_part_replacements', minReplacements: 1, needsFaultPersisting: true, remedy: 'replace' },
      // 自送修之日起超过 30 个工作日未修好 → 可选择换货 (≈ 42 calendar days, see above).
      { kind: 'single_repair_days', moreThanDays: 42, remedy: 'replace' },
    ],
  },
  exclusions: {
    // 未按使用说明书使用、维护、保养,非指定修理者拆动、改装,事故造成损坏的不实行三包.
    voidingKinds: ['misuse', 'unauthorised_repair', 'modification', 'accident'],
    wearParts: ['滤芯', '三角带', '刹车片', '灯泡', '保险丝'],
  },
  afterWarranty: 'paid',
};

// Company promise, as in a building-systems contractor's tender: 2 years free from final
// acceptance, then lifelong service charging parts at cost and a little labour.
export const companyStandardPolicy: WarrantyPolicy = {
  name: '公司标准保修(2 年)',
  scope: { kind: 'category', code: 'company_standard' },
  source: '公司售后服务承诺',
  // 自系统最终验收合格之日起计算 (falls back to installation, then sale).
  startEvent: 'acceptance',
  returnWindows: [{ days: 15, condition: 'quality_issue' }],
  replaceWindows: [{ days: 30, condition: 'quality_issue' }],
  wholeUnit: { months: 24 },
  exclusions: { voidingKinds: ['misuse', 'unauthorised_repair'], wearParts: [] },
  afterWarranty: 'lifelong_paid_on_site',
};

export const warrantyPresets = {
  household_car: householdCarPolicy,
  air_conditioner: airConditionerPolicy,
  refrigerator: refrigeratorPolicy,
  washing_machine: washingMachinePolicy,
  tractor: tractorPolicy,
  company_standard: companyStandardPolicy,
} as const satisfies Record<string, WarrantyPolicy>;

export type WarrantyPresetKey = keyof typeof warrantyPresets;
export const warrantyPresetKeys = Object.keys(warrantyPresets) as WarrantyPresetKey[];
