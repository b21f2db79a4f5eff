import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DispatchSuggestion } from '@sht/domain';

/** One ranked technician in the dispatch list, with the reasons for the rank. */
export function DispatchOption({ suggestion: s, isBest }: { suggestion: DispatchSuggestion; isBest: boolean }) {
  const { t } = useTranslation();
  const facts = [
    t(`workOrders.suggest.skill.${s.skill}`),
    s.distanceKm === null ? t('workOrders.suggest.distanceUnknown') : t('workOrders.suggest.distance', { km: s.distanceKm.toFixed(1) }),
    t('workOrders.suggest.openJobs', { n: s.openJobs }),
    s.inCoverage === false ? t('workOrders.suggest.outOfCoverage') : null,
  ].filter((f): f is string => f !== null);
  return (
    <div className="sht-wo-suggestion">
      <div>
        <Typography.Text strong>{s.name}</Typography.Text> <Typography.Text type="secondary">{s.orgName}</Typography.Text>
        {isBest && <Tag color="green" style={{ marginInlineStart: 6 }}>{t('workOrders.suggest.best')}</Tag>}
      </div>
      <Typography.Text type="secondary" className="sht-wo-suggestion__facts">{facts.join(' · ')}</Typography.Text>
    </div>
  );
}
