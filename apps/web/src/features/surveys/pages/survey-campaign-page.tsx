import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Popconfirm, Progress, Select, Space, Statistic, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { surveyInvitationStatuses, type SurveyCampaign, type SurveyInvitation } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { testId } from '../../../shared/test-id';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { RecordQueryState } from '../../../shared/record-query-state';
import { ServerTable, sortedColumn } from '../../../shared/server-table';
import { formatDateTime } from '../../../shared/format';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { invitationListQuery, useSurveyCampaign, useSurveyMutations } from '../hooks/use-surveys';
import { campaignStatusColor } from './survey-campaigns-page';

export function SurveyCampaignPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const query = useSurveyCampaign(id);
  return (
    <RecordQueryState query={query} notFound={t('surveys.campaigns.notFound')} back={{ to: '/surveys', label: t('surveys.back') }}>
      {(campaign) => <CampaignView campaign={campaign} />}
    </RecordQueryState>
  );
}

function CampaignView({ campaign: c }: { campaign: SurveyCampaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const { launchCampaign, closeCampaign } = useSurveyMutations();
  const fail = (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message);
  const target = [
    c.target.provinceCodes.length > 0 && `${t('surveys.campaigns.provinces')}: ${c.target.provinceCodes.join(', ')}`,
    c.target.orderTypes.length > 0 && `${t('surveys.campaigns.orderTypes')}: ${c.target.orderTypes.map((o) => t(`workOrders.type.${o}`)).join('、')}`,
    c.target.modelIds.length > 0 && `${t('surveys.campaigns.models')}: ${c.target.modelIds.length}`,
    (c.target.from || c.target.to) && `${t('surveys.campaigns.window')}: ${c.target.from ?? ''} ~ ${c.target.to ?? ''}`,
  ].filter(Boolean).join(';') || t('common.all');

  return (
    <>
      <PageHeader
        title={<Space wrap>{c.name}<Tag color={campaignStatusColor[c.status]} data-testid="survey-campaign-status">{t(`surveys.status.${c.status}`)}</Tag></Space>}
        extra={can('survey.write') && (
          <>
            {c.status === 'draft' && (
              <Popconfirm title={t('surveys.campaigns.launchConfirm')} okButtonProps={testId('survey-campaign-launch-ok')}
                onConfirm={() => launchCampaign.mutateAsync({ id: c.id, version: c.version }).then(
                  (r) => void message.success(t('surveys.campaigns.launched', { invited: r.invited, candidates: r.candidates })), fail)}>
                <Button type="primary" loading={launchCampaign.isPending} data-testid="survey-campaign-launch">{t('surveys.campaigns.launch')}</Button>
              </Popconfirm>
            )}
            {c.status === 'active' && (
              <Popconfirm title={t('surveys.campaigns.closeConfirm')}
                onConfirm={() => closeCampaign.mutateAsync({ id: c.id, version: c.version }).then(() => void message.success(t('surveys.campaigns.closed')), fail)}>
                <Button danger data-testid="survey-campaign-close">{t('surveys.campaigns.close')}</Button>
              </Popconfirm>
            )}
          </>
        )}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space size="large" wrap style={{ marginBottom: 12 }}>
          <Statistic title={t('surveys.campaigns.invited')} value={c.invited} valueStyle={{ fontSize: 20 }} />
          <Statistic title={t('surveys.campaigns.answered')} value={c.answered} valueStyle={{ fontSize: 20 }} />
          <div data-testid="survey-campaign-rate">
            <div style={{ color: 'rgba(0,0,0,0.45)' }}>{t('surveys.campaigns.responseRate')}</div>
            <Progress type="circle" size={56} percent={Math.round(c.responseRate * 1000) / 10} />
          </div>
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
          { key: 'template', label: t('surveys.campaigns.template'), children: <Link to={`/surveys/templates/${c.templateId}`}>{c.templateName} v{c.templateVersion}</Link> },
          { key: 'audience', label: t('surveys.campaigns.audience'), children: t(`surveys.audience.${c.audience}`) },
          { key: 'schedule', label: t('surveys.campaigns.schedule'), children: t(`surveys.schedule.${c.schedule}`) },
          { key: 'target', label: t('surveys.campaigns.target'), children: target },
          { key: 'share', label: t('surveys.campaigns.sampleShare'), children: `${Math.round(c.sampleShare * 1000) / 10}%` },
          { key: 'seed', label: t('surveys.campaigns.seed'), children: c.seed },
          { key: 'period', label: t('surveys.campaigns.period'), children: c.currentPeriod ?? '—' },
          { key: 'next', label: t('surveys.campaigns.nextRunAt'), children: formatDateTime(c.nextRunAt) || '—' },
          { key: 'launched', label: t('surveys.campaigns.launchedAt'), children: formatDateTime(c.launchedAt) || '—' },
        ]} />
      </Card>
      <Invitations campaignId={c.id} />
    </>
  );
}

const filterKeys = ['status', 'period'] as const;

function Invitations({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const list = useServerList(filterKeys, invitationListQuery(campaignId));
  const { params, setParams } = list;
  const statusColor = { pending: 'processing', answered: 'success', expired: 'default' } as const;
  const filters = (
    <>
      <ListSearch list={list} placeholder={t('surveys.campaigns.respondent')} width={200} />
      <Select value={params.status} onChange={(status?: string) => setParams({ status })} placeholder={t('common.status')} allowClear style={{ width: 120 }}
        options={surveyInvitationStatuses.map((s) => ({ value: s, label: t(`surveys.invitationStatus.${s}`) }))} data-testid="survey-invitations-status" />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );
  return (
    <ListCard filters={filters}>
      <ServerTable<SurveyInvitation, (typeof filterKeys)[number]> list={list} data-testid="survey-invitations-table" columns={[
        { title: t('surveys.campaigns.respondent'), dataIndex: 'respondentName', ...sortedColumn(params, 'respondentName') },
        { title: t('surveys.campaigns.contact'), dataIndex: 'contact' },
        { title: t('surveys.campaigns.workOrder'), dataIndex: 'workOrderNumber', render: (n: string | null, r) => (n && r.workOrderId ? <Link to={`/work-orders/${r.workOrderId}`}>{n}</Link> : '') },
        { title: t('surveys.campaigns.period'), dataIndex: 'period' },
        { title: t('common.status'), dataIndex: 'status', render: (s: SurveyInvitation['status']) => <Tag color={statusColor[s]}>{t(`surveys.invitationStatus.${s}`)}</Tag> },
        { title: t('surveys.campaigns.sentAt'), dataIndex: 'sentAt', ...sortedColumn(params, 'sentAt'), render: formatDateTime },
        { title: t('surveys.campaigns.reminded'), dataIndex: 'remindedCount' },
        { title: t('surveys.campaigns.answeredAt'), dataIndex: 'answeredAt', ...sortedColumn(params, 'answeredAt'), render: formatDateTime },
        { title: t('surveys.campaigns.score'), dataIndex: 'score', render: (s: number | null, r) => (r.responseId ? (
          <Link to={`/surveys/responses/${r.responseId}`} data-testid={`survey-response-link-${r.responseId}`}>{s ?? '—'} · {t('surveys.campaigns.viewSheet')}</Link>
        ) : '') },
      ]} />
    </ListCard>
  );
}
