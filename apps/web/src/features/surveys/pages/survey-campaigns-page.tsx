import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Progress, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { surveyAudiences, surveyCampaignStatuses, type SurveyCampaign } from '@sht/domain';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { ServerTable, sortedColumn } from '../../../shared/server-table';
import { formatDateTime } from '../../../shared/format';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { CampaignFormModal } from '../components/campaign-form-modal';
import { SurveysTabs } from '../components/surveys-tabs';
import { campaignListQuery } from '../hooks/use-surveys';

const filterKeys = ['status', 'audience'] as const;
export const campaignStatusColor = { draft: 'default', active: 'processing', closed: 'success' } as const;

export function SurveyCampaignsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useServerList(filterKeys, campaignListQuery);
  const { params, setParams } = list;
  const [creating, setCreating] = useState(false);

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('surveys.campaigns.name')} data-testid="survey-campaigns-search" />
      <Select value={params.status} onChange={(status?: string) => setParams({ status })} placeholder={t('common.status')} allowClear style={{ width: 120 }}
        options={surveyCampaignStatuses.map((s) => ({ value: s, label: t(`surveys.status.${s}`) }))} />
      <Select value={params.audience} onChange={(audience?: string) => setParams({ audience })} placeholder={t('surveys.campaigns.audience')} allowClear style={{ width: 150 }}
        options={surveyAudiences.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))} />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader title={t('surveys.title')} extra={can('survey.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="survey-campaign-create">{t('surveys.campaigns.create')}</Button>
      )} />
      <SurveysTabs />
      <ListCard filters={filters}>
        <ServerTable<SurveyCampaign, (typeof filterKeys)[number]> list={list} data-testid="survey-campaigns-table" columns={[
          { title: t('surveys.campaigns.name'), dataIndex: 'name', ...sortedColumn(params, 'name'),
            render: (name: string, r) => <Link to={`/surveys/campaigns/${r.id}`} data-testid={`survey-campaign-link-${r.id}`}>{name}</Link> },
          { title: t('surveys.campaigns.template'), dataIndex: 'templateName', render: (n: string, r) => `${n} v${r.templateVersion}` },
          { title: t('surveys.campaigns.audience'), dataIndex: 'audience', render: (a: SurveyCampaign['audience']) => t(`surveys.audience.${a}`) },
          { title: t('surveys.campaigns.schedule'), dataIndex: 'schedule', render: (s: SurveyCampaign['schedule']) => t(`surveys.schedule.${s}`) },
          { title: t('common.status'), dataIndex: 'status', render: (s: SurveyCampaign['status']) => <Tag color={campaignStatusColor[s]}>{t(`surveys.status.${s}`)}</Tag> },
          { title: `${t('surveys.campaigns.answered')} / ${t('surveys.campaigns.invited')}`, key: 'rate', render: (_: unknown, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>{r.answered} / {r.invited} <Progress percent={Math.round(r.responseRate * 100)} size="small" style={{ width: 100, display: 'inline-flex' }} /></span>
          ) },
          { title: t('surveys.campaigns.launchedAt'), dataIndex: 'launchedAt', ...sortedColumn(params, 'launchedAt'), render: formatDateTime },
        ]} />
      </ListCard>
      <CampaignFormModal open={creating} onClose={(created) => { setCreating(false); if (created) navigate(`/surveys/campaigns/${created.id}`); }} />
    </>
  );
}
