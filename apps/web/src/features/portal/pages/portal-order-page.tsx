import { Link, useParams } from 'react-router';
import { Alert, Card, Descriptions, Skeleton, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PortalEvent, PortalOrderDetail } from '@sht/domain';
import { isApiError, toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { WorkOrderStatusTag } from '../../workorders/components/work-order-tags';
import { PortalConfirmCard } from '../components/portal-confirm-card';
import { usePortalOrder } from '../hooks/use-portal';

function EventItem({ e }: { e: PortalEvent }) {
  const { t } = useTranslation();
  return (
    <div data-testid="portal-event" data-action={e.action}>
      <div>
        <Typography.Text strong>{t(`workOrders.actions.${e.action}`)}</Typography.Text>
        {e.method && <span className="sht-portal__muted"> · {t(`workOrders.modal.methods.${e.method}`)}</span>}
        {e.satisfied !== null && <Tag style={{ marginInlineStart: 8 }} color={e.satisfied ? 'green' : 'orange'}>{t(e.satisfied ? 'portal.satisfiedYes' : 'portal.satisfiedNo')}</Tag>}
      </div>
      <div className="sht-portal__muted">{formatDateTime(e.at)}</div>
      {e.note && <div className="sht-portal__wrap">{e.note}</div>}
    </div>
  );
}

function OrderBody({ order }: { order: PortalOrderDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small">
        <div className="sht-portal__order-head">
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="portal-order-number">{order.number}</Typography.Title>
          <span data-testid="portal-order-status" data-status={order.status}><WorkOrderStatusTag status={order.status} /></span>
        </div>
        <Typography.Paragraph className="sht-portal__wrap" style={{ margin: '8px 0' }}>{t(`workOrders.type.${order.type}`)} · {order.title}</Typography.Paragraph>
        <Descriptions size="small" column={1} colon={false} items={[
          { key: 'd', label: t('portal.description'), children: <span className="sht-portal__wrap">{order.description}</span> },
          ...(order.equipment ? [{ key: 'e', label: t('portal.equipment'), children: `${order.equipment.modelName} ${order.equipment.serialNo}` }] : []),
          { key: 'o', label: t('portal.orgName'), children: order.orgName },
          ...(order.technicianName ? [{ key: 't', label: t('portal.technician'), children: order.technicianName }] : []),
          ...(order.siteAddress ? [{ key: 's', label: t('portal.siteAddress'), children: <span className="sht-portal__wrap">{order.siteAddress}</span> }] : []),
          { key: 'f', label: t('portal.faultDate'), children: order.faultDate },
          { key: 'c', label: t('portal.createdAt'), children: formatDateTime(order.createdAt) },
        ]} />
      </Card>
      {order.diagnosis && (
        <Card size="small" title={t('portal.diagnosis')}>
          <Descriptions size="small" column={1} colon={false} items={[
            { key: 's', label: t('portal.symptom'), children: <span className="sht-portal__wrap">{order.diagnosis.symptom}</span> },
            { key: 'c', label: t('portal.cause'), children: <span className="sht-portal__wrap">{order.diagnosis.cause}</span> },
            { key: 'a', label: t('portal.action'), children: <span className="sht-portal__wrap">{order.diagnosis.action}</span> },
          ]} />
        </Card>
      )}
      {order.canConfirm && <PortalConfirmCard order={order} />}
      <Card size="small" title={t('portal.timeline')}>
        <Timeline items={[...order.events].reverse().map((e) => ({ key: e.seq, content: <EventItem e={e} /> }))} />
      </Card>
    </>
  );
}

export function PortalOrderPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = usePortalOrder(id);
  return (
    <>
      <Link to="/portal" data-testid="portal-back"><ArrowLeftOutlined /> {t('portal.back')}</Link>
      {order.isPending && <Skeleton active />}
      {order.error && <Alert type="error" showIcon title={isApiError(order.error, 'WORK_ORDER_NOT_FOUND') ? t('portal.notFound') : toApiError(order.error, t('common.networkError')).message} />}
      {order.data && <OrderBody order={order.data} />}
    </>
  );
}
