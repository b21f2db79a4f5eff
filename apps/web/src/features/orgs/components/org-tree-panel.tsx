import { useMemo } from 'react';
import { Alert, Button, Empty, Spin, Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrgTreeNode } from '@sht/domain';
import { useOrgTree } from '../hooks/use-orgs';
import { toTreeData, walkTree, type OrgTreeDataNode } from '../org-tree.utils';

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
  // HQ and regional centres open, outlets folded: large networks stay readable.
  const defaultExpanded = useMemo(
    () => [...walkTree(tree.data ?? [])].filter((n) => n.kind !== 'outlet').map((n) => n.id),
    [tree.data],
  );

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
        defaultExpandedKeys={defaultExpanded}
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
