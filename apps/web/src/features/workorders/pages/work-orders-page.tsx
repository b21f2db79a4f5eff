import { Link } from 'react-router';
import { Button, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { workOrderPriorities, workOrderStatuses, workOrderTypes } from '@sht/domain';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { WorkOrderTable, type WorkOrderFilterKey } from '../components/work-order-table';
import { useTechnicians, workOrderListQuery } from '../hooks/use-workorders';

const filterKeys: readonly WorkOrderFilterKey[] = ['status', 'type', 'priority', 'assigneeId', 'orgId', 'customerId', 'equipmentId'];
type QuickView = 'all' | 'open' | 'mine';

export function WorkOrdersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useServerList(filterKeys, workOrderListQuery);
  const { params, setParams } = list;
  const technicians = useTechnicians(can('user.read'));
  const view: QuickView = params.assigneeId === 'me' ? 'mine' : params.status === 'open' ? 'open' : 'all';

  const setView = (next: QuickView) =>
    setParams({
      status: next === 'open' ? 'open' : next === 'mine' ? params.status : undefined,
      assigneeId: next === 'mine' ? 'me' : undefined,
    });

  const filters = (
    <>
      <Segmented<QuickView>
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: <span data-testid="work-orders-tab-all">{t('workOrders.tabs.all')}</span> },
          { value: 'open', label: <span data-testid="work-orders-tab-open">{t('workOrders.tabs.open')}</span> },
          { value: 'mine', label: <span data-testid="work-orders-tab-mine">{t('workOrders.tabs.mine')}</span> },
        ]}
      />
      <ListSearch list={list} placeholder={t('workOrders.searchPlaceholder')} data-testid="work-orders-search" />
      <Select
        value={params.status}
        onChange={(status?: string) => setParams({ status })}
        placeholder={t('workOrders.fields.status')}
        allowClear
        options={[
          { value: 'open', label: t('workOrders.tabs.open') },
          ...workOrderStatuses.map((s) => ({ value: s, label: t(`workOrders.status.${s}`) })),
        ]}
        style={{ width: 130 }}
        data-testid="work-orders-filter-status"
      />
      <Select
        value={params.type}
        onChange={(type?: string) => setParams({ type })}
        placeholder={t('workOrders.fields.type')}
        allowClear
        options={workOrderTypes.map((v) => ({ value: v, label: t(`workOrders.type.${v}`) }))}
        style={{ width: 120 }}
        data-testid="work-orders-filter-type"
      />
      <Select
        value={params.priority}
        onChange={(priority?: string) => setParams({ priority })}
        placeholder={t('workOrders.fields.priority')}
        allowClear
        options={workOrderPriorities.map((v) => ({ value: v, label: t(`workOrders.priority.${v}`) }))}
        style={{ width: 110 }}
        data-testid="work-orders-filter-priority"
      />
      {can('user.read') && (
        <Select
          value={params.assigneeId === 'me' ? undefined : params.assigneeId}
          onChange={(assigneeId?: string) => setParams({ assigneeId })}
          placeholder={t('workOrders.fields.assignee')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={technicians.isPending}
          options={(technicians.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.orgName}` }))}
          style={{ width: 200 }}
          data-testid="work-orders-filter-assignee"
        />
      )}
      <OrgTreeSelect
        value={params.orgId}
        onChange={(orgId) => setParams({ orgId })}
        placeholder={t('workOrders.fields.org')}
        allowClear
        style={{ width: 200 }}
        data-testid="work-orders-filter-org"
      />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('workOrders.title')}
        extra={
          can('workorder.write') && (
            <Link to="/work-orders/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="work-order-create">
                {t('workOrders.create')}
              </Button>
            </Link>
          )
        }
      />
      <ListCard filters={filters}>
        <WorkOrderTable list={list} />
      </ListCard>
    </>
  );
}
