import { Badge, Tag, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { customerKinds, customerSources, type CustomerSummary } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { filteredColumn, ServerTable, sortedColumn } from '../../../shared/server-table';
import type { ServerList } from '../../../shared/use-server-list';
import { regionText } from '../customer-form.utils';
import { CustomerGradeTag } from './customer-grade-tag';

export type CustomerFilterKey = 'kind' | 'grade' | 'source' | 'isActive' | 'orgId';

export function CustomerTable({ list }: { list: ServerList<CustomerSummary, CustomerFilterKey> }) {
  const { t } = useTranslation();
  const { params } = list;

  const columns: TableProps<CustomerSummary>['columns'] = [
    {
      title: t('customers.fields.name'),
      dataIndex: 'name',
      ...sortedColumn(params, 'name'),
      render: (_, c) => (
        <Link to={`/customers/${c.id}`} data-testid="customer-link">
          {c.name}
        </Link>
      ),
    },
    {
      title: t('customers.fields.kind'),
      dataIndex: 'kind',
      ...filteredColumn(params, 'kind', customerKinds.map((k) => ({ text: t(`customers.kind.${k}`), value: k }))),
      render: (_, c) => t(`customers.kind.${c.kind}`),
    },
    { title: t('customers.fields.primaryContact'), dataIndex: 'primaryContact', key: 'primaryContact' },
    {
      title: t('customers.fields.phones'),
      key: 'phones',
      render: (_, c) => c.phones.map((p) => <div key={p}>{p}</div>),
    },
    {
      title: t('customers.fields.region'),
      key: 'region',
      render: (_, c) => regionText([c.provinceName, c.cityName, c.countyName]),
    },
    {
      title: t('customers.fields.grade'),
      dataIndex: 'grade',
      ...sortedColumn(params, 'grade'),
      ...filteredColumn(params, 'grade', (['A', 'B', 'C'] as const).map((g) => ({ text: t(`customers.grade.${g}`), value: g }))),
      render: (_, c) => <CustomerGradeTag grade={c.grade} />,
    },
    {
      title: t('customers.fields.source'),
      dataIndex: 'source',
      ...filteredColumn(params, 'source', customerSources.map((s) => ({ text: t(`customers.source.${s}`), value: s }))),
      render: (_, c) => t(`customers.source.${c.source}`),
    },
    {
      title: t('customers.fields.tags'),
      key: 'tags',
      render: (_, c) => c.tags.map((tag) => <Tag key={tag}>{tag}</Tag>),
    },
    { title: t('customers.fields.org'), dataIndex: 'orgName', key: 'orgName' },
    {
      title: t('customers.fields.status'),
      dataIndex: 'isActive',
      ...filteredColumn(params, 'isActive', [
        { text: t('common.active'), value: 'true' },
        { text: t('common.inactive'), value: 'false' },
      ]),
      render: (_, c) => <Badge status={c.isActive ? 'success' : 'default'} text={c.isActive ? t('common.active') : t('common.inactive')} />,
    },
    {
      title: t('customers.fields.createdAt'),
      dataIndex: 'createdAt',
      ...sortedColumn(params, 'createdAt'),
      render: (_, c) => formatDateTime(c.createdAt),
    },
  ];

  return <ServerTable list={list} columns={columns} data-testid="customers-table" />;
}
