import { useMemo, useState } from 'react';
import { Alert, Button, Empty, Spin, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '@sht/domain';
import { useOrgTree } from '../hooks/use-orgs';
import { expandNewNodes, toTreeData, walkTree, type OrgTreeDataNode, type TreeExpansion } from '../org-tree.utils';

type Props = {
  selectedId: string | undefined;
  onSelect: (node: OrgTreeNode | undefined) => void;
  height?: number;
};

/** The caller's visible org subtree; picking a node narrows the table to that node's children. */
export function OrgTreePanel({ selectedId, onSelect, height }: Props) {
  const { t } = useTranslation();
  const tree = useOrgTree();
  const treeData = useMemo(() => toTreeData(tree.data ?? []), [tree.data]);
  const [expandedKeys, setExpandedKeys] = useExpandedKeys(tree.data);

  if (tree.isPending) return <Spin />;
  if (tree.isError) return <Alert type="error" showIcon title={tree.error.message} />;
  if (treeData.length === 0) return <Empty description={t('orgs.treeEmpty')} />;

  const byId = new Map([...walkTree(tree.data)].map((n) => [n.id, n]));
  return (
    <div data-testid="org-tree">
      <Button
        type={selectedId ? 'link' : 'text'}
        size="small"
        onClick={() => onSelect(undefined)}
        data-testid="org-tree-all"
        style={{ paddingInline: 4, marginBottom: 4 }}
      >
        {t('orgs.allOrgs')}
      </Button>
      <Tree<OrgTreeDataNode>
        blockNode
        showLine
        treeData={treeData}
        height={height}
        expandedKeys={expandedKeys}
        onExpand={(keys) => setExpandedKeys(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => onSelect(keys[0] ? byId.get(String(keys[0])) : undefined)}
        titleRender={(node) => (
          <span data-testid={`org-tree-node-${node.code}`}>
            <Typography.Text delete={!node.isActive} type={node.isActive ? undefined : 'secondary'}>
              {node.title}
            </Typography.Text>
          </span>
        )}
      />
    </div>
  );
}

/**
 * Controlled expansion: the user's open/fold choices survive refetches, and nodes that appear
 * later (a region just created) open like the first ones did. `defaultExpandedKeys` would apply
 * only to the first render.
 */
function useExpandedKeys(nodes: readonly OrgTreeNode[] | undefined) {
  const [state, setState] = useState<TreeExpansion & { nodes?: readonly OrgTreeNode[] }>({ known: new Set(), expanded: [] });
  // Adjusted while rendering, not in an effect, so a new node is never drawn folded first.
  if (nodes && nodes !== state.nodes) setState({ ...expandNewNodes(nodes, state), nodes });
  const setExpanded = (expanded: string[]) => setState((s) => ({ ...s, expanded }));
  return [state.expanded, setExpanded] as const;
}
