import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Select, Space, Tag } from 'antd';
import { PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { surveyAudiences, type SurveyTemplateSummary } from '@sht/domain';
import { ListCard, RefreshButton } from '../../../shared/list-card';
import { ListSearch } from '../../../shared/list-search';
import { PageHeader } from '../../../shared/page-header';
import { ServerTable, sortedColumn } from '../../../shared/server-table';
import { formatDateTime } from '../../../shared/format';
import { useRunAction } from '../../../shared/use-run-action';
import { useServerList } from '../../../shared/use-server-list';
import { useCan } from '../../auth/hooks/use-me';
import { SurveysTabs } from '../components/surveys-tabs';
import { PrintTemplate } from '../components/survey-print-sheet';
import { templateListQuery, useSurveyMutations } from '../hooks/use-surveys';

const filterKeys = ['audience', 'includeInactive'] as const;

export function SurveyTemplatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const run = useRunAction();
  const list = useServerList(filterKeys, templateListQuery);
  const { params, setParams } = list;
  const { setTemplateActive } = useSurveyMutations();
  const [printing, setPrinting] = useState<{ id: string; n: number } | null>(null);

  const filters = (
    <>
      <ListSearch list={list} placeholder={t('surveys.templates.name')} data-testid="survey-templates-search" />
      <Select value={params.audience} onChange={(audience?: string) => setParams({ audience })} placeholder={t('surveys.templates.audience')} allowClear
        options={surveyAudiences.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))} style={{ width: 160 }} />
      <Select value={params.includeInactive ?? 'false'} onChange={(v: string) => setParams({ includeInactive: v === 'false' ? undefined : v })}
        options={[{ value: 'false', label: t('common.active') }, { value: 'true', label: t('common.all') }]} style={{ width: 100 }} />
      <RefreshButton onRefresh={list.refetch} />
    </>
  );

  return (
    <>
      <PageHeader title={t('surveys.title')} extra={can('survey.write') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/surveys/templates/new')} data-testid="survey-template-create">{t('surveys.templates.create')}</Button>
      )} />
      <SurveysTabs />
      <ListCard filters={filters}>
        <ServerTable<SurveyTemplateSummary, (typeof filterKeys)[number]> list={list} data-testid="survey-templates-table" columns={[
          { title: t('surveys.templates.name'), dataIndex: 'name', ...sortedColumn(params, 'name'),
            render: (name: string, r) => <Link to={`/surveys/templates/${r.id}`} data-testid={`survey-template-${r.id}`}>{name}</Link> },
          { title: t('surveys.templates.audience'), dataIndex: 'audience', render: (a: SurveyTemplateSummary['audience']) => t(`surveys.audience.${a}`) },
          { title: t('surveys.templates.questionCount'), dataIndex: 'questionCount' },
          { title: t('surveys.templates.version'), dataIndex: 'version', render: (v: number, r) => <Space>v{v}{r.isInUse && <Tag color="blue">{t('surveys.templates.inUse')}</Tag>}</Space> },
          { title: t('common.status'), dataIndex: 'isActive', render: (a: boolean) => (a ? <Tag color="green">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
          { title: t('surveys.templates.updatedAt'), dataIndex: 'updatedAt', ...sortedColumn(params, 'updatedAt'), render: formatDateTime },
          { title: t('common.actions'), key: 'actions', render: (_: unknown, r) => (
            <Space wrap>
              <Button size="small" icon={<PrinterOutlined />} onClick={() => setPrinting({ id: r.id, n: (printing?.n ?? 0) + 1 })}>{t('surveys.templates.printBlank')}</Button>
              {can('survey.write') && (
                <Button size="small" onClick={() => void run(setTemplateActive.mutateAsync({ id: r.id, active: !r.isActive }), t(r.isActive ? 'surveys.templates.deactivated' : 'surveys.templates.activated'))}>
                  {t(r.isActive ? 'surveys.templates.deactivate' : 'surveys.templates.activate')}
                </Button>
              )}
            </Space>
          ) },
        ]} />
      </ListCard>
      {printing && <PrintTemplate key={printing.n} templateId={printing.id} />}
    </>
  );
}
