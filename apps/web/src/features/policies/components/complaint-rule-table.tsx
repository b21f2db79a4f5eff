import { Button, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComplaintRule } from '@sht/domain';
import { ActiveTag } from './active-tag';

type Props = { items: ComplaintRule[]; loading: boolean; canWrite: boolean; onEdit: (rule: ComplaintRule) => void };

export function ComplaintRuleTable({ items, loading, canWrite, onEdit }: Props) {
  const { t } = useTranslation();
  const any = t('policies.any');
  const columns: TableColumnsType<ComplaintRule> = [
    { key: 'position', title: t('policies.complaintRules.fields.position'), dataIndex: 'position', width: 80 },
    { key: 'name', title: t('policies.complaintRules.fields.name'), dataIndex: 'name' },
    {
      key: 'category',
      title: t('policies.complaintRules.fields.category'),
      render: (_, r) => (r.category ? t(`workOrders.complaint.categories.${r.category}`) : any),
    },
    { key: 'region', title: t('policies.complaintRules.fields.regionOrg'), render: (_, r) => r.regionOrgName ?? any },
    {
      key: 'grade',
      title: t('policies.complaintRules.fields.customerGrade'),
      render: (_, r) => (r.customerGrade ? t(`customers.grade.${r.customerGrade}`) : any),
    },
    { key: 'tag', title: t('policies.complaintRules.fields.customerTag'), render: (_, r) => r.customerTag ?? any },
    { key: 'target', title: t('policies.complaintRules.fields.targetOrg'), dataIndex: 'targetOrgName' },
    { key: 'active', title: t('policies.complaintRules.fields.active'), render: (_, r) => <ActiveTag active={r.active} /> },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_, r) => (
        <Button type="link" size="small" onClick={() => onEdit(r)} data-testid="rule-edit">
          {t('common.edit')}
        </Button>
      ),
    });
  }
  const sorted = [...items].sort((a, b) => a.position - b.position);
  return (
    <Table<ComplaintRule>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={sorted}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('policies.complaintRules.empty') }}
      data-testid="rule-table"
    />
  );
}
