import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { customerSources } from '@sht/domain';
import { useCan } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useServerList } from '../../../shared/use-server-list';
import { CustomerFormModal } from '../components/customer-form-modal';
import { CustomerSearch } from '../components/customer-search';
import { CustomerTable, type CustomerFilterKey } from '../components/customer-table';
import { customerListQuery } from '../hooks/use-customers';
import '../customers.css';

const filterKeys: readonly CustomerFilterKey[] = ['kind', 'grade', 'source', 'isActive', 'orgId'];

export function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useServerList(filterKeys, customerListQuery);
  const { params, setParams } = list;
  const [creating, setCreating] = useState(false);

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('customers.searchPlaceholder')} data-testid="customers-search" />
      <OrgTreeSelect
        value={params.orgId}
        onChange={(orgId) => setParams({ orgId })}
        placeholder={t('customers.fields.org')}
        allowClear
        style={{ width: 220 }}
        data-testid="customers-filter-org"
      />
      <Select
        value={params.grade}
        onChange={(grade?: string) => setParams({ grade })}
        placeholder={t('customers.fields.grade')}
        allowClear
        options={(['A', 'B', 'C'] as const).map((g) => ({ value: g, label: t(`customers.grade.${g}`) }))}
        style={{ width: 120 }}
        data-testid="customers-filter-grade"
      />
      <Select
        value={params.source}
        onChange={(source?: string) => setParams({ source })}
        placeholder={t('customers.fields.source')}
        allowClear
        options={customerSources.map((s) => ({ value: s, label: t(`customers.source.${s}`) }))}
        style={{ width: 140 }}
        data-testid="customers-filter-source"
      />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        extra={
          can('customer.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="customer-create">
              {t('customers.create')}
            </Button>
          )
        }
      />
      <Card size="small" className="sht-customer-find">
        <CustomerSearch />
        <Typography.Text type="secondary" className="sht-customer-find__hint">
          {t('customers.findHint')}
        </Typography.Text>
      </Card>
      <ListCard filters={filters}>
        <CustomerTable list={list} />
      </ListCard>
      <CustomerFormModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) navigate(`/customers/${created.id}`);
        }}
      />
    </>
  );
}
