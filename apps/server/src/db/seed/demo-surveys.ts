import { surveyTemplateInputSchema, type SurveyTemplateInput } from '@sht/domain';
import type { Db } from '../database.js';
import { bool, newId } from '../ids.js';
import { insertTemplate } from '../../modules/surveys/surveys.repository.js';

// Two ready-made 调查表: the customer form after service (SERVQUAL dimensions, one expectation /
// perception pair, NPS and the callback's questions) and a short staff survey.
const templates: SurveyTemplateInput[] = [
  {
    name: '售后服务客户满意度调查表',
    audience: 'customer',
    description: '感谢您选用我们的产品。为不断改进服务,请根据本次服务的实际感受填写,约需 2 分钟。',
    questions: [
      { id: 'exp_ontime', kind: 'rating', text: '您期望服务人员按约定时间到达的程度', scale: 5, dimension: 'reliability', pairId: 'ontime', pairRole: 'expectation' },
      { id: 'ontime', kind: 'rating', text: '本次服务人员按约定时间到达', scale: 5, dimension: 'reliability', pairId: 'ontime', pairRole: 'perception' },
      { id: 'response', kind: 'rating', text: '报修后我们响应的速度', scale: 5, dimension: 'responsiveness' },
      { id: 'skill', kind: 'rating', text: '服务人员的技术水平', scale: 5, dimension: 'assurance' },
      { id: 'attitude', kind: 'rating', text: '服务人员的态度和沟通', scale: 5, dimension: 'empathy' },
      { id: 'tidy', kind: 'rating', text: '服务人员着装、工具和现场整洁', scale: 5, dimension: 'tangibles' },
      { id: 'fixed', kind: 'single', text: '故障是否彻底排除', options: [{ value: 'yes', label: '是' }, { value: 'partly', label: '部分排除' }, { value: 'no', label: '否' }] },
      { id: 'charged', kind: 'multiple', text: '本次服务收取了哪些费用(未收费可不选)', required: false, options: [{ value: 'parts', label: '配件费' }, { value: 'labour', label: '工时费' }, { value: 'travel', label: '差旅费' }, { value: 'other', label: '其他' }] },
      { id: 'nps', kind: 'nps', text: '您向亲友推荐我们产品和服务的可能性有多大' },
      { id: 'advice', kind: 'text', text: '您对我们的服务还有什么意见和建议', required: false },
    ],
  },
  {
    name: '员工满意度调查表',
    audience: 'staff',
    description: '匿名统计,仅用于改进管理。',
    questions: [
      { id: 'tools', kind: 'rating', text: '工作所需的工具、配件和系统支持', scale: 5, dimension: 'tangibles' },
      { id: 'support', kind: 'rating', text: '遇到技术难题时得到的支持', scale: 5, dimension: 'assurance' },
      { id: 'workload', kind: 'rating', text: '工作量和排班的合理程度', scale: 5, dimension: 'empathy' },
      { id: 'enps', kind: 'nps', text: '您向朋友推荐来本公司工作的可能性' },
      { id: 'advice', kind: 'text', text: '您的建议', required: false },
    ],
  },
];

export async function seedDemoSurveys(db: Db, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const input of templates) {
    const t = surveyTemplateInputSchema.parse(input);
    const id = newId();
    await insertTemplate(db, {
      id, family_id: id, version: 1, is_current: bool(true), name: t.name, audience: t.audience, description: t.description,
      questions_json: JSON.stringify(t.questions), is_active: bool(true), created_by: null, created_at: at, updated_at: at,
    });
  }
}
