import { orgKinds, type OrgKind, type OrgTreeNode } from '@sht/domain';

export type OrgTreeDataNode = {
  key: string;
  value: string;
  title: string;
  code: string;
  kind: OrgKind;
  isActive: boolean;
  disabled?: boolean;
  selectable?: boolean;
  children: OrgTreeDataNode[];
};

/** antd Tree / TreeSelect data from the org forest; `disable` greys out nodes that may not be picked. */
export function toTreeData(
  nodes: readonly OrgTreeNode[],
  disable?: (node: OrgTreeNode) => boolean,
): OrgTreeDataNode[] {
  return nodes.map((node) => {
    const disabled = disable?.(node) ?? false;
    return {
      key: node.id,
      value: node.id,
      title: node.name,
      code: node.code,
      kind: node.kind,
      isActive: node.isActive,
      ...(disabled ? { disabled: true, selectable: false } : {}),
      children: toTreeData(node.children, disable),
    };
  });
}

export function* walkTree(nodes: readonly OrgTreeNode[]): Generator<OrgTreeNode> {
  for (const node of nodes) {
    yield node;
    yield* walkTree(node.children);
  }
}

export function findNode(nodes: readonly OrgTreeNode[], id: string): OrgTreeNode | undefined {
  for (const node of walkTree(nodes)) if (node.id === id) return node;
  return undefined;
}

/** Ids of a node and everything below it (a node cannot move under its own descendant). */
export function subtreeIds(node: OrgTreeNode): Set<string> {
  const ids = new Set<string>();
  for (const n of walkTree([node])) ids.add(n.id);
  return ids;
}

export type KindCount = { kind: OrgKind; active: number; inactive: number };

export function countByKind(nodes: readonly OrgTreeNode[]): KindCount[] {
  const counts = new Map<OrgKind, KindCount>(orgKinds.map((kind) => [kind, { kind, active: 0, inactive: 0 }]));
  for (const node of walkTree(nodes)) {
    const count = counts.get(node.kind);
    if (!count) continue;
    if (node.isActive) count.active += 1;
    else count.inactive += 1;
  }
  // HQ, regions and outlets always show; departments and project teams once there are any.
  const core: readonly OrgKind[] = ['hq', 'region', 'outlet'];
  return [...counts.values()].filter((c) => core.includes(c.kind) || c.active + c.inactive > 0);
}

type ExpandableNode = { id: string; kind: OrgKind; children: readonly ExpandableNode[] };
export type TreeExpansion = { known: ReadonlySet<string>; expanded: string[] };

/**
 * Expansion after the tree data changed: nodes already known keep what the user chose (open or
 * folded); nodes seen for the first time open, except outlets, so large networks stay readable
 * and a region created a moment ago shows the outlets added under it.
 */
export function expandNewNodes(nodes: readonly ExpandableNode[], previous: TreeExpansion): TreeExpansion {
  const known = new Set<string>();
  const opened: string[] = [];
  const visit = (list: readonly ExpandableNode[]) => {
    for (const node of list) {
      known.add(node.id);
      if (!previous.known.has(node.id) && node.kind !== 'outlet') opened.push(node.id);
      visit(node.children);
    }
  };
  visit(nodes);
  // Keys of nodes that are gone (deleted, or out of the caller's scope) are dropped.
  const kept = previous.expanded.filter((id) => known.has(id));
  return { known, expanded: [...kept, ...opened] };
}
