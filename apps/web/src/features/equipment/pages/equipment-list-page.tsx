import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { equipmentStatuses } from '@sht/domain';
import { queryKeys } from '../../../api/query-keys';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { customersApi } from '../../customers/customers.api';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { CustomerSelect } from '../components/customer-select';
import { EquipmentFormModal } from '../components/equipment-form-modal';
import { EquipmentTable, type EquipmentFilterKey } from '../components/equipment-table';
import { ModelSelect } from '../components/model-select';
import { equipmentExportHref } from '../equipment.api';
import { equipmentListQuery, useModel } from '../hooks/use-equipment';
import '../equipment.css';

const filterKeys: readonly EquipmentFilterKey[] = ['modelId', 'customerId', 'outletOrgId', 'status'];

/** 装机档案: every sold unit the caller may see, found by serial prefix, model, status, owner or outlet. */
export function EquipmentListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useServerList(filterKeys, equipmentListQuery);
  const { params, setParams } = list;
  const [creating, setCreating] = useState(false);

  // Filters restored from the URL show names, not ids.
  const owner = useQuery({
    queryKey: queryKeys.customers.detail(params.customerId ?? ''),
    queryFn: ({ signal }) => customersApi.get(params.customerId ?? '', signal),
    enabled: Boolean(params.customerId),
  });
  const model = useModel(params.modelId);

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('equipment.searchPlaceholder')} data-testid="equipment-search" />
      <ModelSelect
        key={`model-${model.data?.id ?? ''}`}
        value={params.modelId}
        initial={model.data ? { value: model.data.id, label: `${model.data.code} · ${model.data.name}` } : undefined}
        onChange={(modelId) => setParams({ modelId })}
        placeholder={t('equipment.fields.model')}
        allowClear
        style={{ width: 200 }}
        data-testid="equipment-filter-model"
      />
      <Select
        value={params.status}
        onChange={(status?: string) => setParams({ status })}
        placeholder={t('equipment.fields.status')}
        allowClear
        options={equipmentStatuses.map((s) => ({ value: s, label: t(`equipment.status.${s}`) }))}
        style={{ width: 120 }}
        data-testid="equipment-filter-status"
      />
      <CustomerSelect
        key={`owner-${owner.data?.id ?? ''}`}
        value={params.customerId}
        initial={owner.data ? { value: owner.data.id, label: owner.data.name } : undefined}
        onChange={(customerId) => setParams({ customerId })}
        placeholder={t('equipment.fields.customer')}
        allowClear
        style={{ width: 220 }}
        data-testid="equipment-filter-customer"
      />
      <OrgTreeSelect
        value={params.outletOrgId}
        onChange={(outletOrgId) => setParams({ outletOrgId })}
        placeholder={t('equipment.fields.outlet')}
        allowClear
        style={{ width: 220 }}
        data-testid="equipment-filter-outlet"
      />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('equipment.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={equipmentExportHref(params)} data-testid="equipment-export">
              {t('equipment.export')}
            </Button>
            {can('equipment.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="equipment-create">
                {t('equipment.create')}
              </Button>
            )}
          </>
        }
      />
      <ListCard filters={filters}>
        {list.page?.isTotalCapped && (
          <Typography.Paragraph type="secondary" data-testid="equipment-total-capped">
            {t('equipment.totalCapped', { n: list.page.total })}
          </Typography.Paragraph>
        )}
        <EquipmentTable list={list} />
      </ListCard>
      <EquipmentFormModal
        open={creating}
        onClose={(created) => {
          setCreating(false);
          if (created) navigate(`/equipment/${created.id}`);
        }}
      />
    </>
  );
}
