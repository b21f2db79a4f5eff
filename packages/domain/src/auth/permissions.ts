import type { Role } from './roles.js';

export const permissions = [
  'org.read',
  'org.write',
  'user.read',
  'user.write',
  'audit.read',
  'customer.read',
  'customer.write',
  'catalogue.read',
  'catalogue.write',
  'equipment.read',
  'equipment.write',
  'workorder.read',
  'workorder.write',
  'workorder.dispatch',
  'workorder.field',
  // SLA promises are HQ policy: only roles granted every permission (admin, HQ manager) get it.
  'sla.write',
  'calendar.read',
  'calendar.write',
  // 回访: hotline agents work the callback queue; managers and quality read results.
  'callback.read',
  'callback.write',
  // Satisfaction surveys (templates, campaigns, analysis) and the callback/recovery policy are HQ's.
  'survey.read',
  'survey.write',
] as const;
export type Permission = (typeof permissions)[number];

// Who may do what; data scope (which org subtree) is decided separately by scopeFor().
const grants: Record<Role, readonly Permission[]> = {
  admin: permissions,
  hq_manager: permissions,
  region_manager: ['org.read', 'org.write', 'user.read', 'user.write', 'audit.read', 'customer.read', 'customer.write', 'catalogue.read', 'calendar.read', 'equipment.read', 'equipment.write', 'workorder.read', 'workorder.write', 'workorder.dispatch', 'callback.read', 'survey.read'],
  outlet_manager: ['org.read', 'user.read', 'user.write', 'customer.read', 'customer.write', 'catalogue.read', 'calendar.read', 'equipment.read', 'equipment.write', 'workorder.read', 'workorder.write', 'workorder.dispatch', 'workorder.field', 'callback.read', 'survey.read'],
  // Technicians read the customer and unit of the job; finance invoices paid repairs and chases receivables.
  technician: ['org.read', 'customer.read', 'catalogue.read', 'calendar.read', 'equipment.read', 'workorder.read', 'workorder.field'],
  hotline_agent: ['org.read', 'user.read', 'customer.read', 'customer.write', 'catalogue.read', 'calendar.read', 'equipment.read', 'equipment.write', 'workorder.read', 'workorder.write', 'workorder.dispatch', 'callback.read', 'callback.write'],
  // Sales register the units they sell (装机档案 on delivery).
  sales: ['org.read', 'customer.read', 'customer.write', 'catalogue.read', 'calendar.read', 'equipment.read', 'equipment.write', 'workorder.read', 'workorder.write'],
  finance: ['org.read', 'user.read', 'customer.read', 'catalogue.read', 'calendar.read', 'equipment.read', 'workorder.read'],
  // Quality reads fault statistics by model, part and serial.
  quality: ['org.read', 'user.read', 'customer.read', 'catalogue.read', 'calendar.read', 'equipment.read', 'workorder.read', 'callback.read', 'survey.read'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  const set = new Set<Permission>();
  for (const role of userRoles) for (const p of grants[role]) set.add(p);
  return set;
}

export function can(userRoles: readonly Role[], permission: Permission): boolean {
  return userRoles.some((role) => grants[role].includes(permission));
}

// Which roles a caller may hand out: nobody grants more than they are trusted with.
const grantable: Record<Role, readonly Role[]> = {
  admin: ['admin', 'hq_manager', 'region_manager', 'outlet_manager', 'technician', 'hotline_agent', 'sales', 'finance', 'quality'],
  hq_manager: ['hq_manager', 'region_manager', 'outlet_manager', 'technician', 'hotline_agent', 'sales', 'finance', 'quality'],
  region_manager: ['outlet_manager', 'technician', 'hotline_agent', 'sales'],
  outlet_manager: ['technician', 'hotline_agent', 'sales'],
  technician: [],
  hotline_agent: [],
  sales: [],
  finance: [],
  quality: [],
};

export function grantableRoles(callerRoles: readonly Role[]): Set<Role> {
  const set = new Set<Role>();
  for (const role of callerRoles) for (const r of grantable[role]) set.add(r);
  return set;
}

export function canGrantRoles(callerRoles: readonly Role[], wanted: readonly Role[]): boolean {
  const allowed = grantableRoles(callerRoles);
  return wanted.every((r) => allowed.has(r));
}
