import { Card, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrderEvent } from '@sht/domain';
import { formatDateTimeSeconds } from '../../../shared/format';
import { useWorkOrderEvents } from '../hooks/use-workorders';
import { eventFacts, navigationUrl } from '../workorders.utils';
import { WorkOrderStatusTag } from './work-order-tags';

/** Everything that happened to the order, oldest first: who, when, from which status to which, and what they noted. */
export function TimelineCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const events = useWorkOrderEvents(orderId);
  const items = events.data?.items ?? [];
  return (
    <Card size="small" title={t('workOrders.timeline.title')} data-testid="wo-timeline">
      {events.isPending ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.timeline.empty')} />
      ) : (
        <Timeline items={items.map((e) => ({ key: e.id, content: <EventItem event={e} /> }))} />
      )}
    </Card>
  );
}

function EventItem({ event }: { event: WorkOrderEvent }) {
  const { t } = useTranslation();
  const facts = eventFacts(event.data);
  const position = facts.position;
  return (
    <div data-testid="wo-event" data-action={event.action}>
      <div className="sht-wo-event__head">
        <Typography.Text strong>{t(`workOrders.actions.${event.action}`)}</Typography.Text>
        <WorkOrderStatusTag status={event.toStatus} />
        <Typography.Text type="secondary">
          {event.actor?.name ?? ''} · {formatDateTimeSeconds(event.at)}
        </Typography.Text>
      </div>
      {facts.assigneeName && <div>{t('workOrders.timeline.assignedTo', { name: facts.assigneeName })}</div>}
      {facts.orgName && <div>{t('workOrders.timeline.movedTo', { name: facts.orgName })}</div>}
      {facts.method && <div>{t('workOrders.timeline.confirmMethod', { method: t(`workOrders.modal.methods.${facts.method}`) })}</div>}
      {position && (
        <div>
          <a href={navigationUrl({ position }) ?? undefined} target="_blank" rel="noreferrer" data-testid="wo-event-position">
            {t('workOrders.timeline.position', { lat: position.lat.toFixed(5), lng: position.lng.toFixed(5) })}
          </a>
          {position.accuracyM !== undefined && t('workOrders.timeline.positionAccuracy', { m: position.accuracyM })}
        </div>
      )}
      {facts.diagnosis && (
        <div className="sht-wo-event__diagnosis">
          <div><Tag>{t('workOrders.modal.symptom')}</Tag>{facts.diagnosis.symptom}</div>
          <div><Tag>{t('workOrders.modal.cause')}</Tag>{facts.diagnosis.cause}</div>
          <div><Tag>{t('workOrders.modal.action')}</Tag>{facts.diagnosis.action}</div>
        </div>
      )}
      {event.note && <Typography.Paragraph className="sht-wo-event__note">{event.note}</Typography.Paragraph>}
    </div>
  );
}
