import { describe, expect, it } from 'vitest';
import type { OrgKind, OrgTreeNode } from '@sht/domain';
import { countByKind, expandNewNodes, type TreeExpansion } from './org-tree.utils';

type Node = { id: string; kind: OrgKind; children: Node[] };
const node = (id: string, kind: OrgKind, children: Node[] = []): Node => ({ id, kind, children });
const none: TreeExpansion = { known: new Set(), expanded: [] };

describe('expandNewNodes', () => {
  it('opens HQ and regions on first sight and leaves outlets folded', () => {
    const tree = [node('hq', 'hq', [node('east', 'region', [node('o1', 'outlet')])])];
    expect(expandNewNodes(tree, none)).toEqual({ known: new Set(['hq', 'east', 'o1']), expanded: ['hq', 'east'] });
  });

  it('opens a region that appears later, so outlets added under it are visible', () => {
    const before = [node('hq', 'hq')];
    const first = expandNewNodes(before, none);
    const after = [node('hq', 'hq', [node('south', 'region', [node('o2', 'outlet')])])];
    expect(expandNewNodes(after, first).expanded).toEqual(['hq', 'south']);
  });

  it('keeps a node the user folded folded when the data changes', () => {
    const tree = [node('hq', 'hq', [node('east', 'region')])];
    const first = expandNewNodes(tree, none);
    const folded = { ...first, expanded: ['hq'] };
    const grown = [node('hq', 'hq', [node('east', 'region', [node('o1', 'outlet')]), node('west', 'region')])];
    expect(expandNewNodes(grown, folded).expanded).toEqual(['hq', 'west']);
  });

  it('drops keys of nodes that are gone', () => {
    const first = expandNewNodes([node('hq', 'hq', [node('east', 'region')])], none);
    expect(expandNewNodes([node('hq', 'hq')], first)).toEqual({ known: new Set(['hq']), expanded: ['hq'] });
  });
});

describe('countByKind', () => {
  const unit = (id: string, kind: OrgKind, isActive: boolean, children: OrgTreeNode[] = []): OrgTreeNode =>
    ({ id, kind, isActive, children, name: id, code: id }) as unknown as OrgTreeNode; // only the fields countByKind reads
  it('counts active and inactive units per kind; departments and project teams only when present', () => {
    const tree = [unit('hq', 'hq', true, [unit('r', 'region', true, [unit('o1', 'outlet', true), unit('o2', 'outlet', false)])])];
    expect(countByKind(tree)).toEqual([
      { kind: 'hq', active: 1, inactive: 0 },
      { kind: 'region', active: 1, inactive: 0 },
      { kind: 'outlet', active: 1, inactive: 1 },
    ]);
    const withDept = [unit('hq', 'hq', true, [unit('d', 'department', true), unit('p', 'project_team', false)])];
    expect(countByKind(withDept).map((c) => c.kind)).toEqual(['hq', 'region', 'outlet', 'department', 'project_team']);
    expect(countByKind(withDept)[4]).toEqual({ kind: 'project_team', active: 0, inactive: 1 });
  });
});
