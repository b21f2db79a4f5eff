import { Descriptions, Modal, Spin, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SlaTimeline } from '@sht/domain';
import { http } from '../../../api/http-client';
import { formatDateTimeSeconds } from '../../../shared/format';

type Entry = SlaTimeline['items'][number]['timeline'][number];

/**
 * The evidence behind each SLA target (for a dispute with an outlet): the clock's own steps with the
 * business minutes between them, the calendar and its holiday versions, and when warning and breach
 * were recorded — all re-derived by the server from the stored events.
 */
export function SlaEvidenceModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: ['work-orders', 'sla', orderId],
    queryFn: ({ signal }) => http.get<SlaTimeline>(`/work-orders/${encodeURIComponent(orderId)}/sla`, undefined, signal),
  });
  const minutes = (n: number) => n.toFixed(n % 1 === 0 ? 0 : 1);
  return (
    <Modal open title={t('workOrders.slaEvidence.title')} onCancel={onClose} footer={null} width={760}>
      {query.isPending && <Spin />}
      {query.data?.items.map((item) => (
        <div key={`${item.kind}-${item.cycle}`} style={{ marginBottom: 24 }} data-testid={`wo-sla-evidence-${item.kind}`}>
          <Typography.Title level={5}>
            {t(`workOrders.sla.kind.${item.kind}`)} <Tag>{t(`workOrders.sla.state.${item.state}`)}</Tag>
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('workOrders.slaEvidence.target')}>{t('workOrders.slaEvidence.minutes', { n: item.targetMinutes })}</Descriptions.Item>
            <Descriptions.Item label={t('workOrders.slaEvidence.due')}>{formatDateTimeSeconds(item.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('workOrders.slaEvidence.calendar')}>
              {item.calendar.name} · {item.calendar.timeZone} · {item.calendarVersions.join(', ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.slaEvidence.recorded')}>
              {[item.warnedAt && `${t('workOrders.sla.warning')} ${formatDateTimeSeconds(item.warnedAt)}`, item.breachedAt && `${t('workOrders.sla.state.breached')} ${formatDateTimeSeconds(item.breachedAt)}`]
                .filter(Boolean).join('；') || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table<Entry>
            size="small"
            pagination={false}
            rowKey={(e) => `${e.type}-${e.at}`}
            dataSource={item.timeline}
            scroll={{ x: true }}
            columns={[
              { title: t('workOrders.slaEvidence.step'), dataIndex: 'type', render: (v: Entry['type'], e) => `${t(`workOrders.slaEvidence.steps.${v}`)}${e.reason ? `（${t(`workOrders.slaEvidence.reasons.${e.reason}`)}）` : ''}${e.ignored ? ` · ${t('workOrders.slaEvidence.ignored')}` : ''}` },
              { title: t('workOrders.slaEvidence.at'), dataIndex: 'at', render: (v: string) => formatDateTimeSeconds(v) },
              { title: t('workOrders.slaEvidence.delta'), dataIndex: 'deltaBusinessMinutes', render: (v: number, e) => `${minutes(v)}${e.counted ? '' : ` (${t('workOrders.slaEvidence.notCounted')})`}` },
              { title: t('workOrders.slaEvidence.elapsed'), dataIndex: 'elapsedMinutes', render: (v: number) => minutes(v) },
            ]}
          />
        </div>
      ))}
    </Modal>
  );
}
