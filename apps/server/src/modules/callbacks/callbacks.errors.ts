import { defineErrors } from '../../http/errors.js';

export const callbackErrors = defineErrors({
  CALLBACK_NOT_FOUND: { status: 404, 'zh-CN': '回访任务不存在', en: 'Callback task not found' },
  CALLBACK_CLOSED: { status: 409, 'zh-CN': '回访任务已结束(状态:{status}),不能再登记结果', en: 'The callback is already closed (status {status})' },
  CALLBACK_CLAIMED: { status: 409, 'zh-CN': '该回访任务已由 {name} 认领', en: 'This callback has been claimed by {name}' },
});
