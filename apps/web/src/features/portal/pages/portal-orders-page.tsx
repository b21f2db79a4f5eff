import { useNavigate } from 'react-router';
import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { WorkOrderStatusTag } from '../../workorders/components/work-order-tags';
import { usePortalOrders } from '../hooks/use-portal';

// At most 100 orders per customer come back (newest first), so the phone gets one plain list.
export function PortalOrdersPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = usePortalOrders();
  return (
    <>
      <div className="sht-portal__order-head">
        <Typography.Title level={4} style={{ margin: 0 }}>{t('portal.myOrders')}</Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/portal/new')} data-testid="portal-report-open">
          {t('portal.report.open')}
        </Button>
      </div>
      {orders.isPending && <Skeleton active />}
      {orders.error && <Alert type="error" showIcon title={toApiError(orders.error, t('common.networkError')).message} />}
      {orders.data?.items.length === 0 && <Empty description={t('portal.empty')} />}
      {orders.data?.items.map((o) => (
        <Card
          key={o.id}
          size="small"
          hoverable
          className="sht-portal__order"
          data-testid="portal-order"
          data-number={o.number}
          onClick={() => void navigate(`/portal/orders/${o.id}`)}
        >
          <div className="sht-portal__order-head">
            <Typography.Text strong>{o.number}</Typography.Text>
            <WorkOrderStatusTag status={o.status} />
          </div>
          <div className="sht-portal__wrap">{t(`workOrders.type.${o.type}`)} · {o.title}</div>
          <div className="sht-portal__muted">
            {formatDateTime(o.createdAt)}{o.equipment ? ` · ${o.equipment.modelName}` : ''}
          </div>
        </Card>
      ))}
    </>
  );
}
