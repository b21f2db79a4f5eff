import { useState } from 'react';
import { Alert, Card, DatePicker, Descriptions, List, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { EquipmentWarranty } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { useLanguage } from '../../../shared/use-language';
import { toLocalDate } from '../equipment-form.utils';
import { warrantyRows, warrantyStatusColor, warrantySummary, type WarrantyRow } from '../equipment-warranty.utils';
import { useEquipmentWarranty } from '../hooks/use-equipment';

/**
 * The 三包 card a hotline agent reads to a caller: the overall answer, then every coverage with
 * whether it applies, until when, and why — in the UI language, from the engine's reason codes.
 */
export function WarrantyCard({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [asOf, setAsOf] = useState<Dayjs | null>(null);
  const date = toLocalDate(asOf) ?? undefined;
  const query = useEquipmentWarranty(unitId, date);

  return (
    <Card
      size="small"
      title={t('equipment.sections.warranty')}
      extra={
        <DatePicker
          value={asOf}
          onChange={(d) => setAsOf(d)}
          placeholder={t('equipment.warranty.asOf')}
          allowClear
          size="small"
          aria-label={t('equipment.warranty.asOfHelp')}
          data-testid="warranty-as-of"
        />
      }
      data-testid="warranty-card"
    >
      {query.isPending && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {query.isError && (
        <Alert type="error" showIcon title={t('equipment.warranty.loadFailed')} description={toApiError(query.error, t('common.networkError')).message} />
      )}
      {query.data && <WarrantyView warranty={query.data} loading={query.isFetching} />}
    </Card>
  );
}

function WarrantyView({ warranty, loading }: { warranty: EquipmentWarranty; loading: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { result } = warranty;
  const rows = warrantyRows(result, language);
  const start = result.start;

  return (
    <Spin spinning={loading}>
      <Alert
        type={warrantyStatusColor(result.status)}
        showIcon
        title={
          <Space wrap size={6}>
            <Typography.Text strong data-testid="warranty-status">{t(`equipment.warranty.status.${result.status}`)}</Typography.Text>
            <Typography.Text type="secondary">{t('equipment.warranty.asOf')} {result.queryDate}</Typography.Text>
          </Space>
        }
        description={<span data-testid="warranty-summary">{warrantySummary(result, language)}</span>}
        style={{ marginBottom: 12 }}
      />
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('equipment.warranty.policy')}>
          <span data-testid="warranty-policy">
            {warranty.policyName}
            <Typography.Text type="secondary">（{t(`equipment.warranty.policySource.${warranty.policySource}`)}）</Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('equipment.warranty.start')}>
          {start.date} · {t(`equipment.startEvent.${start.event}`)}
          {start.isFallback &&
            t('equipment.warranty.startFallback', {
              event: t(`equipment.startEvent.${start.requestedEvent}`),
              used: t(`equipment.startEvent.${start.event}`),
            })}
        </Descriptions.Item>
      </Descriptions>
      <List
        size="small"
        dataSource={rows}
        rowKey="key"
        renderItem={(row) => <CoverageItem row={row} />}
        data-testid="warranty-coverages"
      />
      {!warranty.repairHistoryIncluded && (
        <Typography.Paragraph type="secondary" className="sht-warranty-note">
          {t('equipment.warranty.noRepairHistory')}
        </Typography.Paragraph>
      )}
    </Spin>
  );
}

function CoverageItem({ row }: { row: WarrantyRow }) {
  const { t } = useTranslation();
  const title = useCoverageTitle()(row);
  const until = row.until ?? (row.applies ? t('equipment.warranty.noLimit') : null);
  return (
    <List.Item className="sht-coverage" data-testid="warranty-coverage" data-key={row.key} data-applies={row.applies ? 'yes' : 'no'}>
      <div className="sht-coverage__head">
        <Typography.Text strong className="sht-coverage__title">{title}</Typography.Text>
        <Space wrap size={4}>
          {row.applies ? (
            <Tag color="success" icon={<CheckCircleFilled />}>{t('equipment.warranty.yes')}</Tag>
          ) : (
            <Tag icon={<CloseCircleFilled />}>{t('equipment.warranty.no')}</Tag>
          )}
          <Tag>{t(`equipment.warranty.state.${row.state}`)}</Tag>
          {until && (
            <Typography.Text type={row.applies ? undefined : 'secondary'}>
              {t('equipment.warranty.until')} {until}
            </Typography.Text>
          )}
        </Space>
      </div>
      <ul className="sht-coverage__reasons">
        {row.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </List.Item>
  );
}

/** What a coverage row is called, in the UI language. */
function useCoverageTitle(): (row: WarrantyRow) => string {
  const { t } = useTranslation();
  return (row) => {
    switch (row.kind) {
      case 'return':
        return t('equipment.warranty.kind.return');
      case 'replace':
        return t('equipment.warranty.kind.replace');
      case 'whole_unit':
        return t('equipment.warranty.kind.whole_unit');
      case 'main_part':
        return t('equipment.warranty.kind.main_part', { label: row.label });
      case 'contract':
        return t('equipment.warranty.kind.contract', { label: row.label });
      case 'repeated_repair': {
        const rule = row.rule ? t(`equipment.warranty.rule.${row.rule}`) : '';
        return t('equipment.warranty.kind.repeated_repair', { label: row.label ? `${rule}（${row.label}）` : rule });
      }
      default: {
        const unhandled: never = row.kind;
        return String(unhandled);
      }
    }
  };
}
