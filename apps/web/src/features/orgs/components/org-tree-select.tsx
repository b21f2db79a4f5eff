import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgTreeNode } from '@sht/domain';
import { useOrgTree } from '../hooks/use-orgs';
import { toTreeData } from '../org-tree.utils';

type Props = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Nodes for which this returns true are shown but cannot be chosen. */
  disable?: (node: OrgTreeNode) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Picks an org from the caller's visible subtree. Used by org, user and filter forms. */
export function OrgTreeSelect({ value, onChange, disable, placeholder, allowClear, id, style, ...rest }: Props) {
  const tree = useOrgTree();
  const treeData = useMemo(() => toTreeData(tree.data ?? [], disable), [tree.data, disable]);
  return (
    <TreeSelect
      id={id}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeData={treeData}
      loading={tree.isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ width: '100%', ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
