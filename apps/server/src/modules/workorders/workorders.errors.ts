import { defineErrors } from '../../http/errors.js';

export const workOrderErrors = defineErrors({
  WORK_ORDER_NOT_FOUND: { status: 404, 'zh-CN': '工单不存在', en: 'Work order not found' },
  ILLEGAL_TRANSITION: {
    status: 409,
    'zh-CN': '工单当前状态为「{from}」,不能执行「{action}」',
    en: 'A work order in status "{from}" cannot "{action}"',
  },
  NEEDS_SITE_VISIT: {
    status: 409,
    'zh-CN': '{type}类工单需上门处理后才能办结',
    en: 'A {type} order can only be resolved on site',
  },
  NEEDS_ASSIGNEE: { status: 409, 'zh-CN': '工单尚未派给服务工程师', en: 'The order has not been assigned to a technician' },
  NOT_ASSIGNEE: { status: 403, 'zh-CN': '只有被派工的服务工程师可以执行此操作', en: 'Only the assigned technician can do this' },
  ACTION_FORBIDDEN: { status: 403, 'zh-CN': '您没有执行「{action}」的权限', en: 'You are not allowed to "{action}"' },
  DISPATCH_TARGET_MISSING: { status: 422, 'zh-CN': '派工需指定服务工程师或服务网点', en: 'Dispatch needs a technician or a service outlet' },
  ASSIGNEE_INVALID: {
    status: 422,
    'zh-CN': '{name} 不是工单责任机构(或其下级网点)的在岗服务工程师',
    en: '{name} is not an active technician of the responsible org or its outlets',
  },
  EQUIPMENT_NOT_OWNED: { status: 422, 'zh-CN': '该设备不属于此客户', en: 'This unit does not belong to the customer' },
  FAULT_DATE_IN_FUTURE: { status: 422, 'zh-CN': '故障日期不能晚于今天', en: 'The fault date cannot be in the future' },
  REPORT_NOT_FOUND: { status: 404, 'zh-CN': '该工单尚未填写服务报告', en: 'This order has no service report yet' },
  REPORT_LOCKED: { status: 409, 'zh-CN': '工单状态为「{status}」,服务报告已不能修改', en: 'The service report cannot be changed in status "{status}"' },
  PART_NOT_FOUND: { status: 422, 'zh-CN': '配件不存在或已停用', en: 'Spare part not found or inactive' },
  MAIN_PART_UNKNOWN: { status: 422, 'zh-CN': '{part} 不是该机型的主要部件', en: '{part} is not a main part of this model' },
  SIGNATURE_NOT_FOUND: { status: 422, 'zh-CN': '客户签名不存在:请先上传签名图片', en: 'Signature not found: upload the signature image first' },
  COMPLAINT_RULE_NOT_FOUND: { status: 404, 'zh-CN': '投诉分派规则不存在', en: 'Complaint routing rule not found' },
  NOT_A_COMPLAINT: { status: 409, 'zh-CN': '该工单不是投诉工单', en: 'This order is not a complaint' },
  COMPLAINT_RESPONSE_REQUIRED: {
    status: 409,
    'zh-CN': '服务质量投诉须由责任部门填写解释/致歉和改进措施后才能办结',
    en: 'A service-quality complaint needs the at-fault department\'s explanation/apology and improvement before it is resolved',
  },
  TECHNICIAN_NOT_FOUND: { status: 404, 'zh-CN': '服务工程师不存在', en: 'Technician not found' },
  COMPENSATION_CODE_TAKEN: { status: 409, 'zh-CN': '赔偿标准编码 {code} 已存在', en: 'Compensation standard code {code} already exists' },
  COMPENSATION_STANDARD_NOT_FOUND: { status: 422, 'zh-CN': '赔偿标准不存在或已停用', en: 'Compensation standard not found or inactive' },
  COMPENSATION_NOT_APPLICABLE: {
    status: 422,
    'zh-CN': '赔偿标准「{name}」不适用于责任判定「{liability}」',
    en: 'Compensation standard "{name}" does not apply to liability "{liability}"',
  },
  SLA_POLICY_NOT_FOUND: { status: 404, 'zh-CN': 'SLA 策略不存在', en: 'SLA policy not found' },
});
