import { useMemo, useState } from 'react';
import { Button, Card, Col, Collapse, Row, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Org } from '@sht/domain';
import { useCan } from '../../auth/hooks/use-me';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useIsMobile } from '../../../shared/use-is-mobile';
import { useServerList } from '../../../shared/use-server-list';
import { OrgFormModal } from '../components/org-form-modal';
import { OrgMoveModal } from '../components/org-move-modal';
import { OrgTable, type OrgFilterKey } from '../components/org-table';
import { OrgTreePanel } from '../components/org-tree-panel';
import { orgListQuery, useOrgTree } from '../hooks/use-orgs';
import { findNode } from '../org-tree.utils';

const filterKeys: readonly OrgFilterKey[] = ['kind', 'serviceLevel', 'isActive', 'parentId'];

type Editing = { mode: 'create' } | { mode: 'edit'; org: Org } | null;

export function OrgsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const isMobile = useIsMobile();
  const list = useServerList(filterKeys, orgListQuery);
  const { params, setParams } = list;
  const tree = useOrgTree();
  const [editing, setEditing] = useState<Editing>(null);
  const [moving, setMoving] = useState<Org | undefined>();
  const canWrite = can('org.write');

  const selectedNode = useMemo(
    () => (params.parentId && tree.data ? findNode(tree.data, params.parentId) : undefined),
    [params.parentId, tree.data],
  );

  const treePanel = (
    <OrgTreePanel
      selectedId={params.parentId}
      onSelect={(node) => setParams({ parentId: node?.id })}
      height={isMobile ? undefined : 560}
    />
  );

  const filters = (
    <>
      <ListSearch
        list={list}
        placeholder={t('orgs.searchPlaceholder')}
        width={280}
        data-testid="orgs-search"
      />
      <RefreshButton onRefresh={list.refetch} />
      {selectedNode && (
        <Typography.Text type="secondary" style={{ alignSelf: 'center' }} data-testid="orgs-parent-filter">
          {t('orgs.childrenOf', { name: selectedNode.name })}
        </Typography.Text>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="org-create">
              {t('orgs.create')}
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={5}>
          {isMobile ? (
            <Collapse size="small" items={[{ key: 'tree', label: t('orgs.tree'), children: treePanel }]} />
          ) : (
            <Card size="small" title={t('orgs.tree')} styles={{ body: { padding: 8 } }}>
              {treePanel}
            </Card>
          )}
        </Col>
        <Col xs={24} lg={17} xl={19}>
          <ListCard filters={filters}>
            <OrgTable
              list={list}
              canWrite={canWrite}
              onEdit={(org) => setEditing({ mode: 'edit', org })}
              onMove={setMoving}
            />
          </ListCard>
        </Col>
      </Row>
      <OrgFormModal
        open={editing !== null}
        org={editing?.mode === 'edit' ? editing.org : undefined}
        defaultParentId={params.parentId}
        onClose={() => setEditing(null)}
      />
      <OrgMoveModal org={moving} onClose={() => setMoving(undefined)} />
    </>
  );
}
