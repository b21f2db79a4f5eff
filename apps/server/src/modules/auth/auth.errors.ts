import { defineErrors } from '../../http/errors.js';

export const authErrors = defineErrors({
  INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: { status: 423, 'zh-CN': '登录失败次数过多,账号已锁定至 {until}', en: 'Too many failed logins; the account is locked until {until}' },
  ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账号已停用', en: 'This account is disabled' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '会话已过期,请重新登录', en: 'Your session has expired; please log in again' },
  WRONG_CURRENT_PASSWORD: { status: 400, 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  PASSWORD_UNCHANGED: { status: 400, 'zh-CN': '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  TOKEN_NOT_FOUND: { status: 404, 'zh-CN': 'API 令牌不存在', en: 'API token not found' },
  TOKEN_LIMIT: { status: 409, 'zh-CN': '每个用户最多 {max} 个有效令牌', en: 'At most {max} active tokens per user' },
});
