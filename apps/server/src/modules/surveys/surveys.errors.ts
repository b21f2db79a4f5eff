import { defineErrors } from '../../http/errors.js';

export const surveyErrors = defineErrors({
  SURVEY_TEMPLATE_NOT_FOUND: { status: 404, 'zh-CN': '调查表模板不存在', en: 'Survey template not found' },
  SURVEY_TEMPLATE_INACTIVE: { status: 422, 'zh-CN': '调查表模板已停用', en: 'The survey template is inactive' },
  SURVEY_TEMPLATE_AUDIENCE_CHANGED: { status: 422, 'zh-CN': '已使用的模板不能更改调查对象', en: 'A template in use cannot change its audience' },
  SURVEY_CAMPAIGN_NOT_FOUND: { status: 404, 'zh-CN': '调查活动不存在', en: 'Survey campaign not found' },
  SURVEY_CAMPAIGN_NOT_DRAFT: { status: 409, 'zh-CN': '调查活动已发布,不能再修改或发布', en: 'The campaign has already been launched' },
  SURVEY_CAMPAIGN_NOT_ACTIVE: { status: 409, 'zh-CN': '调查活动未在进行中', en: 'The campaign is not running' },
  SURVEY_TARGET_ORG_NOT_FOUND: { status: 404, 'zh-CN': '目标组织不存在', en: 'Target organisation not found' },
  SURVEY_NO_RESPONDENTS: { status: 422, 'zh-CN': '没有符合条件的调查对象', en: 'No respondents match the target' },
  SURVEY_RESPONSE_NOT_FOUND: { status: 404, 'zh-CN': '答卷不存在', en: 'Survey response not found' },
  // Public link problems: distinct codes so the page can say what is wrong.
  SURVEY_TOKEN_INVALID: { status: 404, 'zh-CN': '调查链接无效,请检查链接是否完整', en: 'This survey link is not valid; check that it is complete' },
  SURVEY_TOKEN_EXPIRED: { status: 410, 'zh-CN': '调查链接已过期', en: 'This survey link has expired' },
  SURVEY_TOKEN_USED: { status: 409, 'zh-CN': '该调查已提交,感谢您的参与', en: 'This survey has already been answered; thank you' },
  SURVEY_CLOSED: { status: 410, 'zh-CN': '调查已结束', en: 'This survey has closed' },
  SURVEY_ANSWERS_INVALID: { status: 400, 'zh-CN': '答卷有未填或不合规的题目', en: 'Some answers are missing or not valid' },
});
