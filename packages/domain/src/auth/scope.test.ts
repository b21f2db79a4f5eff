import { describe, expect, it } from 'vitest';
import { childPath, isDescendantPath, isPathInScope, scopeFor } from './scope.js';
import { can, canGrantRoles, grantableRoles, permissionsOf } from './permissions.js';
import { roles } from './roles.js';

const hq = '/h/';
const east = childPath(hq, 'e');
const eastOutlet = childPath(east, 'o1');
const north = childPath(hq, 'n');

describe('data scope', () => {
  it('gives admins everything regardless of their node', () => {
    const s = scopeFor(['admin'], eastOutlet);
    expect(s.all).toBe(true);
    expect(isPathInScope(s, north)).toBe(true);
  });

  it('limits everyone else to their node and its descendants', () => {
    const s = scopeFor(['region_manager'], east);
    expect(isPathInScope(s, east)).toBe(true);
    expect(isPathInScope(s, eastOutlet)).toBe(true);
    expect(isPathInScope(s, north)).toBe(false);
    expect(isPathInScope(s, hq)).toBe(false);
  });

  it('treats HQ staff on the root as seeing the whole tree', () => {
    const s = scopeFor(['hq_manager'], hq);
    expect(s.all).toBe(false);
    expect([hq, east, eastOutlet, north].every((p) => isPathInScope(s, p))).toBe(true);
  });

  it('does not confuse siblings whose ids share a prefix', () => {
    const a = childPath(hq, 'abc');
    const b = childPath(hq, 'abcd');
    expect(isPathInScope(scopeFor(['outlet_manager'], a), b)).toBe(false);
  });

  it('detects descendants for the move-cycle rule', () => {
    expect(isDescendantPath(east, eastOutlet)).toBe(true);
    expect(isDescendantPath(east, east)).toBe(true);
    expect(isDescendantPath(eastOutlet, east)).toBe(false);
    expect(isDescendantPath(east, north)).toBe(false);
  });
});

describe('permissions', () => {
  it('lets hotline agents work callbacks, managers and quality read them, and only HQ run surveys', () => {
    expect(can(['hotline_agent'], 'callback.write')).toBe(true);
    expect(can(['hotline_agent'], 'survey.write')).toBe(false);
    expect(can(['outlet_manager'], 'callback.read')).toBe(true);
    expect(can(['outlet_manager'], 'callback.write')).toBe(false);
    expect(can(['quality'], 'survey.read')).toBe(true);
    expect(can(['technician'], 'callback.read')).toBe(false);
    expect(can(['region_manager'], 'survey.write')).toBe(false);
  });

  it('lets admins and HQ managers do everything the platform knows', () => {
    for (const r of ['admin', 'hq_manager'] as const) {
      expect([...permissionsOf([r])].sort()).toEqual([
        'audit.read', 'calendar.read', 'calendar.write', 'callback.read', 'callback.write', 'catalogue.read', 'catalogue.write', 'customer.read', 'customer.write',
        'equipment.read', 'equipment.write', 'org.read', 'org.write', 'sla.write', 'survey.read', 'survey.write', 'user.read', 'user.write',
        'workorder.dispatch', 'workorder.field', 'workorder.read', 'workorder.write',
      ]);
    }
  });

  it('keeps technicians to reading the org tree and customers, and working their own jobs', () => {
    expect([...permissionsOf(['technician'])]).toEqual(['org.read', 'customer.read', 'catalogue.read', 'calendar.read', 'equipment.read', 'workorder.read', 'workorder.field']);
    expect(can(['technician'], 'workorder.dispatch')).toBe(false);
    expect(can(['technician'], 'workorder.write')).toBe(false);
    expect(can(['technician'], 'equipment.write')).toBe(false);
    expect(can(['technician'], 'customer.write')).toBe(false);
    expect(can(['technician'], 'user.read')).toBe(false);
    expect(can(['technician', 'outlet_manager'], 'user.write')).toBe(true);
  });

  it('gives every role at least org.read and customer.read', () => {
    for (const r of roles) expect(can([r], 'org.read') && can([r], 'customer.read')).toBe(true);
  });

  it('lets the front line write customers, but not finance, quality or technicians', () => {
    const writers = roles.filter((r) => can([r], 'customer.write'));
    expect(writers).toEqual(['admin', 'hq_manager', 'region_manager', 'outlet_manager', 'hotline_agent', 'sales']);
  });

  it('lets every role read the catalogue and units, only HQ write the catalogue, the front line write units', () => {
    for (const r of roles) expect(can([r], 'catalogue.read') && can([r], 'equipment.read')).toBe(true);
    expect(roles.filter((r) => can([r], 'catalogue.write'))).toEqual(['admin', 'hq_manager']);
    expect(roles.filter((r) => can([r], 'equipment.write'))).toEqual(['admin', 'hq_manager', 'region_manager', 'outlet_manager', 'hotline_agent', 'sales']);
  });

  it('never lets a role grant a role above it', () => {
    expect(canGrantRoles(['region_manager'], ['technician', 'outlet_manager'])).toBe(true);
    expect(canGrantRoles(['region_manager'], ['region_manager'])).toBe(false);
    expect(canGrantRoles(['outlet_manager'], ['outlet_manager'])).toBe(false);
    expect(canGrantRoles(['hq_manager'], ['admin'])).toBe(false);
    expect(canGrantRoles(['admin'], ['admin'])).toBe(true);
    expect([...grantableRoles(['technician'])]).toEqual([]);
    // Combined roles grant the union.
    expect(canGrantRoles(['outlet_manager', 'region_manager'], ['outlet_manager', 'sales'])).toBe(true);
  });
});
