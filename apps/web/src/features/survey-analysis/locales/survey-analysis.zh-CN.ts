// 满意度分析 (issue 5): strings of the analysis page.
export const surveyAnalysisZh = {
  title: '满意度分析',
  export: '导出 Excel',
  filters: {
    audience: '调查对象',
    period: '期间(月)',
    region: '地区(省)',
    outlet: '网点',
    technician: '服务工程师',
    model: '机型',
    orderType: '工单类型',
    groupBy: '分组',
    thenBy: '再按',
    none: '不再分组',
    reset: '清除筛选',
  },
  audience: { customer: '客户', dealer: '经销商/网点', staff: '员工' },
  groupKey: { dimension: '维度', region: '地区', outlet: '网点', technician: '服务工程师', model: '机型', orderType: '工单类型', month: '月份' },
  dimension: {
    tangibles: '有形性', reliability: '可靠性', responsiveness: '响应性', assurance: '保证性', empathy: '移情性', recovery: '服务补救',
  },
  level: { very_satisfied: '非常满意', satisfied: '满意', neutral: '一般', dissatisfied: '不满意', very_dissatisfied: '非常不满意' },
  orderType: {
    consultation: '咨询', complaint: '投诉', repair: '维修', installation: '安装调试', maintenance: '保养', return_replace: '退换货', training: '培训',
  },
  stats: {
    mean: '平均分', answers: '评分答题数', responses: '答卷数', nps: 'NPS 净推荐值', npsDetail: '推荐 {{p}} · 中立 {{m}} · 贬损 {{d}}',
    stdDev: '标准差', dissatisfiedRate: '不满意率',
  },
  charts: {
    dimensions: '各维度得分', gap: '期望与感知差距', expectation: '期望', perception: '感知', gapLine: '差距', trend: '月度趋势',
    overall: '总体', levels: '满意度等级', causes: '不满意原因', empty: '暂无评分数据',
  },
  causes: { dimension: '维度', dissatisfied: '不满意答题', share: '占不满意', rate: '本维度不满意率', chosen: '不满意客户所选原因', option: '选项', count: '人数', chosenShare: '占答题人数' },
  breakdown: { title: '分组明细', n: '答题数', truncated: '分组过多,仅显示前 {{n}} 组' },
  none: '未填',
};
