import { useMemo, useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { formatDateTime } from '../../../shared/format';
import { useDivisions, type DivisionNode } from '../../customers/hooks/use-divisions';
import { TechnicianProfileModal } from '../components/technician-profile-modal';
import { useTechnicians } from '../hooks/use-technicians';

function divisionNames(tree: readonly DivisionNode[] | undefined): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (nodes: readonly DivisionNode[], prefix: string) => {
    for (const n of nodes) {
      const full = prefix ? `${prefix}${n.name}` : n.name;
      names.set(n.code, full);
      if (n.children) walk(n.children, full);
    }
  };
  walk(tree ?? [], '');
  return names;
}

/** 技术员档案: who can be dispatched where — skills, base and coverage feed the dispatch ranking. */
export function TechniciansPage() {
  const { t } = useTranslation();
  const list = useTechnicians();
  const divisions = useDivisions();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Technician | undefined>();
  const names = useMemo(() => divisionNames(divisions.data), [divisions.data]);
  const term = q.trim();
  const rows = (list.data?.items ?? []).filter(
    (r) => !term || r.name.includes(term) || r.orgName.includes(term) || r.skills.some((s) => s.toLowerCase().includes(term.toLowerCase())),
  );

  const columns: TableColumnsType<Technician> = [
    { key: 'name', title: t('technicians.fields.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { key: 'org', title: t('technicians.fields.org'), dataIndex: 'orgName', sorter: (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') },
    {
      key: 'skills',
      title: t('technicians.fields.skills'),
      render: (_, r) => (r.skills.length ? r.skills.map((s) => <Tag key={s}>{s}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: 'coverage',
      title: t('technicians.fields.coverage'),
      render: (_, r) => (r.coverage.length ? r.coverage.map((c) => <Tag key={c}>{names.get(c) ?? c}</Tag>) : t('technicians.noCoverage')),
    },
    {
      key: 'base',
      title: t('technicians.fields.base'),
      render: (_, r) => (r.base ? `${r.base.lat.toFixed(4)}, ${r.base.lng.toFixed(4)}` : '—'),
    },
    {
      key: 'last',
      title: t('technicians.fields.last'),
      render: (_, r) => (r.last ? formatDateTime(r.last.at) : '—'),
    },
    { key: 'openJobs', title: t('technicians.fields.openJobs'), dataIndex: 'openJobs', sorter: (a, b) => a.openJobs - b.openJobs, width: 100 },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => setEditing(r)} data-testid={`technician-edit-${r.id}`}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('technicians.title')} />
      <Card size="small" data-testid="technicians-page">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('technicians.search')}
            onSearch={setQ}
            onChange={(e) => { if (!e.target.value) setQ(''); }}
            style={{ width: 280 }}
            data-testid="technician-search"
          />
          <Typography.Text type="secondary">{t('technicians.hint')}</Typography.Text>
        </Space>
        {list.error && <Alert type="error" showIcon title={t('errors.loadFailed')} description={list.error.message} style={{ marginBottom: 12 }} />}
        <Table<Technician>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={list.isPending}
          pagination={{ pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('technicians.empty') }}
          data-testid="technician-table"
        />
      </Card>
      <TechnicianProfileModal technician={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
