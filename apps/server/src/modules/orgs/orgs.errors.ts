import { defineErrors } from '../../http/errors.js';

export const orgErrors = defineErrors({
  ORG_NOT_FOUND: { status: 404, 'zh-CN': '组织机构不存在', en: 'Organisation not found' },
  ORG_PARENT_NOT_FOUND: { status: 404, 'zh-CN': '上级组织不存在', en: 'Parent organisation not found' },
  ORG_CODE_TAKEN: { status: 409, 'zh-CN': '组织编码 {code} 已被使用', en: 'Organisation code {code} is already in use' },
  ORG_INVALID_PARENT: { status: 422, 'zh-CN': '{kind} 不能设在 {parentKind} 之下', en: 'A {kind} cannot be placed under a {parentKind}' },
  ORG_MOVE_CYCLE: { status: 422, 'zh-CN': '不能把组织移到它自己或它的下级之下', en: 'An organisation cannot be moved under itself or its own descendant' },
  ORG_ROOT_IMMUTABLE: { status: 422, 'zh-CN': '总部节点不能移动或停用', en: 'The headquarters node cannot be moved or deactivated' },
  ORG_PARENT_INACTIVE: { status: 422, 'zh-CN': '上级组织已停用', en: 'The parent organisation is inactive' },
  ORG_HAS_ACTIVE_CHILDREN: { status: 409, 'zh-CN': '该组织下还有 {count} 个启用的下级组织,请先停用或移走', en: 'It still has {count} active child organisations; deactivate or move them first' },
  ORG_HAS_ACTIVE_USERS: { status: 409, 'zh-CN': '该组织下还有 {count} 个启用的用户,请先停用或调走', en: 'It still has {count} active users; disable or move them first' },
  ORG_OUT_OF_SCOPE: { status: 403, 'zh-CN': '只能管理本组织下级的机构', en: 'You can only manage organisations below your own' },
});
