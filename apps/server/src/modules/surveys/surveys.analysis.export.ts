import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { AnalysisGroupKey, AnalysisQuery, SatisfactionLevel, SurveyAnalysis, SurveyDimension, SurveyTrend, WorkOrderType } from '@sht/domain';
import type { Db } from '../../db/database.js';
import type { ServiceContext } from '../../context.js';
import { analyze, trend } from './surveys.analysis.service.js';

// The analysis as a workbook (Chinese, like the other exports): one sheet per view of the page.

const dimensionLabels: Record<SurveyDimension, string> = {
  tangibles: '有形性', reliability: '可靠性', responsiveness: '响应性', assurance: '保证性', empathy: '移情性', recovery: '服务补救',
};
const levelLabels: Record<SatisfactionLevel, string> = {
  very_satisfied: '非常满意', satisfied: '满意', neutral: '一般', dissatisfied: '不满意', very_dissatisfied: '非常不满意',
};
const keyLabels: Record<AnalysisGroupKey, string> = {
  dimension: '维度', region: '地区', outlet: '网点', technician: '服务工程师', model: '机型', orderType: '工单类型', month: '月份',
};
const orderTypeLabels: Record<WorkOrderType, string> = {
  consultation: '咨询', complaint: '投诉', repair: '维修', installation: '安装调试', maintenance: '保养', return_replace: '退换货', training: '培训',
};

const dims = Object.keys(dimensionLabels) as SurveyDimension[];
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

function valueLabel(key: AnalysisGroupKey, v: { value: string | null; label: string }): string {
  if (key === 'dimension' && v.value) return dimensionLabels[v.value as SurveyDimension] ?? v.label;
  if (key === 'orderType' && v.value) return orderTypeLabels[v.value as WorkOrderType] ?? v.label;
  return v.label;
}

export type AnalysisExport = { a: SurveyAnalysis; t: SurveyTrend };

/** Computed before the download starts, so a failure is still an error response. */
export async function loadAnalysisExport(db: Db, ctx: ServiceContext, q: AnalysisQuery): Promise<AnalysisExport> {
  return { a: await analyze(db, ctx, q), t: await trend(db, ctx, q) };
}

export async function writeAnalysisWorkbook({ a, t }: AnalysisExport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
  const sheet = (name: string, header: string[], rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    ws.addRow(header).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  sheet('维度', ['维度', '答题数', '平均分', '标准差', '期望均值', '感知均值', '差距(感知−期望)', '不满意数', ...Object.values(levelLabels).map((l) => `${l}%`)],
    a.dimensions.map((d) => [dimensionLabels[d.dimension], d.n, d.mean, d.stdDev, d.expectationMean, d.perceptionMean, d.gap, d.dissatisfied, ...d.distribution.map((x) => pct(x.share))]));
  const thenBy = a.thenBy;
  sheet('分组', [keyLabels[a.groupBy], ...(thenBy ? [keyLabels[thenBy]] : []), '答题数', '平均分', '标准差', '不满意率%', 'NPS', ...dims.map((d) => dimensionLabels[d])],
    a.breakdown.map((r) => [
      valueLabel(a.groupBy, r.key), ...(thenBy && r.thenKey ? [valueLabel(thenBy, r.thenKey)] : []), r.n, r.mean, r.stdDev, pct(r.dissatisfiedRate), r.nps,
      ...dims.map((d) => r.byDimension[d] ?? null),
    ]));
  sheet('趋势', ['月份', '答题数', '平均分', '环比变化', 'NPS', ...dims.map((d) => dimensionLabels[d])],
    t.points.map((p) => [p.month, p.n, p.mean, p.change, p.nps, ...dims.map((d) => p.byDimension[d] ?? null)]));
  sheet('满意度等级', ['等级', '答卷数', '占比%'], a.levels.map((l) => [levelLabels[l.level], l.count, pct(l.share)]));
  sheet('不满意原因', ['维度', '不满意答题数', '占全部不满意%', '本维度不满意率%', '平均分'],
    a.causes.map((c) => [dimensionLabels[c.dimension], c.dissatisfied, pct(c.share), pct(c.rate), c.mean]));
  sheet('所选原因', ['问题', '选项', '不满意客户人数', '占答题人数%'], a.chosenCauses.map((c) => [c.question, c.option, c.count, pct(c.share)]));
  sheet('NPS', ['答题数', '推荐者', '中立者', '贬损者', 'NPS'], [[a.nps.n, a.nps.promoters, a.nps.passives, a.nps.detractors, a.nps.score]]);
  await workbook.commit();
}
