import { defineErrors } from '../../http/errors.js';

export const recoveryErrors = defineErrors({
  RECOVERY_CASE_NOT_FOUND: { status: 404, 'zh-CN': '服务补救记录不存在', en: 'Recovery case not found' },
  RECOVERY_CUSTOMER_NOT_FOUND: { status: 422, 'zh-CN': '服务补救所涉客户不存在', en: 'The customer of the recovery case does not exist' },
});
