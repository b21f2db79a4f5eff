import { useState } from 'react';
import { Button, Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaTarget } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { slaPercent, slaTargetTone, type Tone } from '../workorders.utils';
import { useDurationText } from './work-order-tags';
import { SlaEvidenceModal } from './sla-evidence-modal';

const tagColor: Record<Tone, string> = { success: 'success', warning: 'warning', error: 'error', processing: 'processing', default: 'default' };
const progressStatus = { success: 'success', warning: 'active', error: 'exception', processing: 'active', default: 'normal' } as const;
const strokeColor: Partial<Record<Tone, string>> = { warning: '#fa8c16' };

/** Every promise of the order: due when, how much is left (or how late), and the share used. */
export function SlaCard({ orderId, targets, calendarName }: { orderId: string; targets: SlaTarget[]; calendarName: string }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const [evidence, setEvidence] = useState(false);
  const extra = (
    <Space size={4}>
      <Typography.Text type="secondary">{calendarName}</Typography.Text>
      <Button size="small" type="link" onClick={() => setEvidence(true)} data-testid="wo-sla-evidence-button">{t('workOrders.slaEvidence.open')}</Button>
    </Space>
  );
  return (
    <Card size="small" title={t('workOrders.sla.title')} extra={extra} data-testid="wo-sla">
      {evidence && <SlaEvidenceModal orderId={orderId} onClose={() => setEvidence(false)} />}
      {targets.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.sla.none')} />}
      {targets.map((target) => {
        const tone = slaTargetTone(target);
        const isOpen = target.state === 'running' || target.state === 'paused';
        return (
          <div key={`${target.kind}-${target.cycle}`} className="sht-wo-sla" data-testid={`wo-sla-${target.kind}`} data-state={target.state}>
            <Space wrap size={6} className="sht-wo-sla__head">
              <Typography.Text strong>{t(`workOrders.sla.kind.${target.kind}`)}</Typography.Text>
              {target.cycle > 0 && <Tag>{t('workOrders.sla.cycle', { n: target.cycle })}</Tag>}
              <Tag color={tagColor[tone]}>{t(`workOrders.sla.state.${target.state}`)}</Tag>
              {target.isWarning && isOpen && <Tag color="orange">{t('workOrders.sla.warning')}</Tag>}
            </Space>
            <div className="sht-wo-sla__detail">
              <Typography.Text type="secondary">
                {target.dueAt ? t('workOrders.sla.due', { time: formatDateTime(target.dueAt) }) : t('workOrders.sla.noDeadline')}
              </Typography.Text>
              {target.overdueMinutes > 0 ? (
                <Typography.Text type="danger">{t('workOrders.sla.overdue', { time: duration(target.overdueMinutes) })}</Typography.Text>
              ) : (
                isOpen && <Typography.Text>{t('workOrders.sla.remaining', { time: duration(target.remainingMinutes) })}</Typography.Text>
              )}
            </div>
            <Progress percent={slaPercent(target)} status={progressStatus[tone]} strokeColor={strokeColor[tone]} size="small" showInfo={false} />
          </div>
        );
      })}
    </Card>
  );
}
