import { defineErrors } from '../../http/errors.js';

export const notificationErrors = defineErrors({
  NOTIFICATION_NOT_FOUND: { status: 404, 'zh-CN': '通知不存在', en: 'Notification not found' },
});
