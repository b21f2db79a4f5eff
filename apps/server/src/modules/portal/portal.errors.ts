import { defineErrors } from '../../http/errors.js';

// One answer for an unknown phone, a wrong code and an expired code: nothing tells which phones exist.
export const portalErrors = defineErrors({
  OTP_WAIT: { status: 429, 'zh-CN': '验证码发送过于频繁,请 {seconds} 秒后再试', en: 'Too many codes; try again in {seconds} s' },
  OTP_INVALID: { status: 401, 'zh-CN': '验证码错误或已过期', en: 'The code is wrong or has expired' },
  OTP_LOCKED: { status: 401, 'zh-CN': '验证码错误次数过多,请重新获取', en: 'Too many wrong codes; ask for a new one' },
  PORTAL_UNAUTHENTICATED: { status: 401, 'zh-CN': '请先用手机号登录', en: 'Please log in with your phone' },
  PORTAL_CUSTOMER_REQUIRED: { status: 400, 'zh-CN': '请选择以哪个客户的名义报修', en: 'Choose which customer reports the problem' },
  PORTAL_CSRF_INVALID: { status: 403, 'zh-CN': 'CSRF 令牌缺失或无效,请刷新页面后重试', en: 'Missing or invalid CSRF token; reload the page and retry' },
});
