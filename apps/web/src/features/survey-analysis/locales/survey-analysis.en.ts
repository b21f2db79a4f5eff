import type { surveyAnalysisZh } from './survey-analysis.zh-CN';

export const surveyAnalysisEn: typeof surveyAnalysisZh = {
  title: 'Satisfaction analysis',
  export: 'Export to Excel',
  filters: {
    audience: 'Audience',
    period: 'Period (months)',
    region: 'Region (province)',
    outlet: 'Outlet',
    technician: 'Technician',
    model: 'Model',
    orderType: 'Order type',
    groupBy: 'Group by',
    thenBy: 'Then by',
    none: 'Nothing',
    reset: 'Clear filters',
  },
  audience: { customer: 'Customers', dealer: 'Dealers/outlets', staff: 'Staff' },
  groupKey: { dimension: 'Dimension', region: 'Region', outlet: 'Outlet', technician: 'Technician', model: 'Model', orderType: 'Order type', month: 'Month' },
  dimension: {
    tangibles: 'Tangibles', reliability: 'Reliability', responsiveness: 'Responsiveness', assurance: 'Assurance', empathy: 'Empathy', recovery: 'Recovery',
  },
  level: { very_satisfied: 'Very satisfied', satisfied: 'Satisfied', neutral: 'Neutral', dissatisfied: 'Dissatisfied', very_dissatisfied: 'Very dissatisfied' },
  orderType: {
    consultation: 'Consultation', complaint: 'Complaint', repair: 'Repair', installation: 'Installation', maintenance: 'Maintenance', return_replace: 'Return/replace', training: 'Training',
  },
  stats: {
    mean: 'Mean score', answers: 'Rated answers', responses: 'Responses', nps: 'NPS', npsDetail: 'Promoters {{p}} · passives {{m}} · detractors {{d}}',
    stdDev: 'Std dev', dissatisfiedRate: 'Dissatisfied',
  },
  charts: {
    dimensions: 'Score by dimension', gap: 'Expectation vs perception', expectation: 'Expectation', perception: 'Perception', gapLine: 'Gap', trend: 'Monthly trend',
    overall: 'Overall', levels: 'Satisfaction levels', causes: 'Causes of dissatisfaction', empty: 'No rated answers',
  },
  causes: { dimension: 'Dimension', dissatisfied: 'Dissatisfied answers', share: 'Share of dissatisfied', rate: 'Rate in dimension', chosen: 'Picked by dissatisfied respondents', option: 'Option', count: 'Respondents', chosenShare: 'Share of those answering' },
  breakdown: { title: 'Breakdown', n: 'Answers', truncated: 'Too many groups: the first {{n}} are shown' },
  none: 'Not given',
};
