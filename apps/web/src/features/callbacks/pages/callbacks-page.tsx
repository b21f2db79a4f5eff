import { Link } from 'react-router';
import { Button, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackTask } from '@sht/domain';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { useRunAction } from '../../../shared/use-run-action';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import { CallbackTable, type CallbackFilterKey } from '../components/callback-table';
import { callbackApiParams, callbackViews, type CallbackView } from '../callbacks.params';
import { callbackListQuery, useCallbackMutations } from '../hooks/use-callbacks';
import { useTechnicians } from '../../workorders/hooks/use-workorders';

const filterKeys: readonly CallbackFilterKey[] = ['view', 'status', 'kind', 'orgId', 'technicianId'];

export function CallbacksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const list = useServerList(filterKeys, (params) => callbackListQuery(callbackApiParams(params)));
  const { params, setParams } = list;
  const { claim } = useCallbackMutations();
  const run = useRunAction();
  const technicians = useTechnicians(can('user.read'));
  const view = callbackViews.find((v) => v === params.view) ?? 'queue';

  const filters = (
    <>
      <Segmented<CallbackView>
        value={view}
        onChange={(next) => setParams({ view: next === 'queue' ? undefined : next, status: undefined })}
        options={callbackViews.map((v) => ({ value: v, label: <span data-testid={`callbacks-view-${v}`}>{t(`callbacks.views.${v}`)}</span> }))}
      />
      <ListSearch list={list} placeholder={t('callbacks.searchPlaceholder')} width={200} data-testid="callbacks-search" />
      <OrgTreeSelect value={params.orgId} onChange={(orgId) => setParams({ orgId })} placeholder={t('callbacks.fields.org')} allowClear style={{ width: 200 }} />
      {can('user.read') && (
        <Select
          value={params.technicianId}
          onChange={(technicianId?: string) => setParams({ technicianId })}
          placeholder={t('callbacks.fields.technician')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={technicians.isPending}
          options={(technicians.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.orgName}` }))}
          style={{ width: 180 }}
        />
      )}
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader
        title={t('callbacks.title')}
        extra={
          <>
            <Link to="/callback-stats"><Button>{t('callbacks.links.stats')}</Button></Link>
            <Link to="/recovery-cases"><Button>{t('callbacks.links.recovery')}</Button></Link>
            {can('survey.write') && <Link to="/callback-settings"><Button>{t('callbacks.links.settings')}</Button></Link>}
          </>
        }
      />
      <ListCard filters={filters}>
        <CallbackTable
          list={list}
          canClaim={can('callback.write')}
          onClaim={(task: CallbackTask) => void run(claim.mutateAsync({ id: task.id, version: task.version }), t('callbacks.claimDone'))}
        />
      </ListCard>
    </>
  );
}
