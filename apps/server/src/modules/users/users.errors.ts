import { defineErrors } from '../../http/errors.js';

export const userErrors = defineErrors({
  USER_NOT_FOUND: { status: 404, 'zh-CN': '用户不存在', en: 'User not found' },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '登录名 {username} 已被使用', en: 'Login name {username} is already taken' },
  ROLE_NOT_GRANTABLE: { status: 403, 'zh-CN': '无权授予角色:{roles}', en: 'You may not grant these roles: {roles}' },
  USER_NOT_MANAGEABLE: { status: 403, 'zh-CN': '无权管理拥有更高角色的用户', en: 'You may not manage a user holding roles you cannot grant' },
  USER_SELF_CHANGE: { status: 422, 'zh-CN': '不能修改自己的角色或停用自己', en: 'You cannot change your own roles or disable yourself' },
  USER_ORG_INACTIVE: { status: 422, 'zh-CN': '所属组织已停用', en: 'The organisation is inactive' },
});
