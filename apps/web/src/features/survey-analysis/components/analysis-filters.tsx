import { useMemo, useState } from 'react';
import { Button, Col, DatePicker, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { surveyAudiences, workOrderTypes, type SurveyAudience, type WorkOrderType } from '@sht/domain';
import { http } from '../../../api/http-client';
import { useCan } from '../../auth/hooks/use-me';
import { useDivisions } from '../../customers/hooks/use-divisions';
import { OrgTreeSelect } from '../../orgs/components/org-tree-select';
import type { AnalysisFilterValues } from '../survey-analysis.api';

type Option = { value: string; label: string };
type Props = { value: AnalysisFilterValues; onChange: (v: AnalysisFilterValues) => void };

// Technicians need user.read and models catalogue.read: without them the filter is not offered.
function useLookup(path: string, query: Record<string, string>, enabled: boolean, label: (x: { id: string; name: string; code?: string }) => string) {
  return useQuery({
    queryKey: ['survey-analysis', 'lookup', path, query],
    queryFn: async ({ signal }) => (await http.get<{ items: { id: string; name: string; code?: string }[] }>(path, query, signal)).items.map((x): Option => ({ value: x.id, label: label(x) })),
    enabled,
    staleTime: 300_000,
  });
}

export function AnalysisFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const divisions = useDivisions();
  const [open, setOpen] = useState(false);
  const technicians = useLookup('/users', { role: 'technician', pageSize: '200', sort: 'name' }, open && can('user.read'), (u) => u.name);
  const models = useLookup('/catalogue/models', { pageSize: '200', sort: 'code' }, open && can('catalogue.read'), (m) => `${m.code ?? ''} ${m.name}`.trim());
  const provinces = useMemo(() => (divisions.data ?? []).map((p) => ({ value: p.code, label: p.name })), [divisions.data]);
  const set = (patch: Partial<AnalysisFilterValues>) => onChange({ ...value, ...patch });
  const range = value.from && value.to ? ([dayjs(`${value.from}-01`), dayjs(`${value.to}-01`)] as const) : null;
  const col = { xs: 24, sm: 12, lg: 6 };
  return (
    <Row gutter={[12, 12]} onFocus={() => setOpen(true)} onMouseEnter={() => setOpen(true)}>
      <Col {...col}>
        <DatePicker.RangePicker
          picker="month"
          style={{ width: '100%' }}
          value={range ? [range[0], range[1]] : null}
          placeholder={[t('surveyAnalysis.filters.period'), t('surveyAnalysis.filters.period')]}
          onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM'), to: v?.[1]?.format('YYYY-MM') })}
          data-testid="analysis-filter-period"
        />
      </Col>
      <Col {...col}>
        <Select<SurveyAudience>
          allowClear style={{ width: '100%' }} placeholder={t('surveyAnalysis.filters.audience')} value={value.audience}
          options={surveyAudiences.map((a) => ({ value: a, label: t(`surveyAnalysis.audience.${a}`) }))}
          onChange={(audience) => set({ audience })} data-testid="analysis-filter-audience"
        />
      </Col>
      <Col {...col}>
        <Select
          allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} placeholder={t('surveyAnalysis.filters.region')}
          value={value.regionCode} options={provinces} loading={divisions.isPending}
          onChange={(regionCode: string | undefined) => set({ regionCode })} data-testid="analysis-filter-region"
        />
      </Col>
      <Col {...col}>
        <OrgTreeSelect allowClear placeholder={t('surveyAnalysis.filters.outlet')} value={value.outletId} onChange={(outletId) => set({ outletId })} data-testid="analysis-filter-outlet" />
      </Col>
      <Col {...col}>
        <Select<WorkOrderType>
          allowClear style={{ width: '100%' }} placeholder={t('surveyAnalysis.filters.orderType')} value={value.orderType}
          options={workOrderTypes.map((o) => ({ value: o, label: t(`surveyAnalysis.orderType.${o}`) }))}
          onChange={(orderType) => set({ orderType })} data-testid="analysis-filter-order-type"
        />
      </Col>
      {can('user.read') && (
        <Col {...col}>
          <Select
            allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} placeholder={t('surveyAnalysis.filters.technician')}
            value={value.technicianId} options={technicians.data ?? []} loading={technicians.isFetching}
            onChange={(technicianId: string | undefined) => set({ technicianId })} data-testid="analysis-filter-technician"
          />
        </Col>
      )}
      {can('catalogue.read') && (
        <Col {...col}>
          <Select
            allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: '100%' }} placeholder={t('surveyAnalysis.filters.model')}
            value={value.modelId} options={models.data ?? []} loading={models.isFetching}
            onChange={(modelId: string | undefined) => set({ modelId })} data-testid="analysis-filter-model"
          />
        </Col>
      )}
      <Col {...col}>
        <Button onClick={() => onChange({})} data-testid="analysis-filter-reset">{t('surveyAnalysis.filters.reset')}</Button>
      </Col>
    </Row>
  );
}
