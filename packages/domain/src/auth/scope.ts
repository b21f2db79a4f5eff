import type { Role } from './roles.js';

/**
 * The data a caller may see: everything, or one org node and its descendants.
 * Org paths are materialised as "/<rootId>/<childId>/…/" so a subtree is a prefix.
 */
export type Scope = { readonly all: true } | { readonly all: false; readonly orgPath: string };

export const allScope: Scope = { all: true };

export function scopeFor(userRoles: readonly Role[], orgPath: string): Scope {
  // 按权限分享信息: admins see everything; everybody else sees their node and below.
  // HQ staff sit on the root node, so their subtree is the whole tree.
  if (userRoles.includes('admin')) return allScope;
  return { all: false, orgPath };
}

export function isPathInScope(scope: Scope, orgPath: string): boolean {
  return scope.all || orgPath.startsWith(scope.orgPath);
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

export function isDescendantPath(ancestorPath: string, candidatePath: string): boolean {
  return candidatePath.startsWith(ancestorPath);
}
