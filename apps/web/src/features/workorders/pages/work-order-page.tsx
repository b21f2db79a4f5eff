import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EnvironmentOutlined, PhoneOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { WorkOrderAction, WorkOrderDetail } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/page-header';
import { ActionBar } from '../components/action-bar';
import { ComplaintCard } from '../components/complaint-card';
import { DiagnosisCard } from '../components/diagnosis-card';
import { RecordWorkOrders } from '../components/record-work-orders';
import { ServiceReportCard } from '../components/service-report-card';
import { SlaCard } from '../components/sla-card';
import { TimelineCard } from '../components/timeline-card';
import { TransitionModal } from '../components/transition-modal';
import { PriorityTag, WorkOrderStatusTag } from '../components/work-order-tags';
import { WorkOrderPrintSheet, type SheetKind } from '../components/work-order-print-sheet';
import { useServiceReport, useWorkOrder, useWorkOrderEvents } from '../hooks/use-workorders';
import { navigationUrl } from '../workorders.utils';
import '../workorders.css';
import { RecordQueryState } from '../../../shared/record-query-state';
import { AttachmentsCard } from '../../attachments/components/attachments-card';
import { useCan } from '../../auth/hooks/use-me';

export function WorkOrderPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useWorkOrder(id);

  return (
    <RecordQueryState query={query} notFound={t('workOrders.notFound')} back={{ to: '/work-orders', label: t('workOrders.back') }}>
      {(order) => <WorkOrderView order={order} />}
    </RecordQueryState>
  );
}

function WorkOrderView({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const [action, setAction] = useState<WorkOrderAction | null>(null);
  const nav = navigationUrl({ address: order.siteAddress });
  const printing = usePrinting();
  const can = useCan();
  const canAttach = can('workorder.field') || can('workorder.write');

  return (
    <div data-testid="work-order-page">
      <PageHeader
        title={
          <Space wrap size={8}>
            <span data-testid="work-order-number">{order.number}</span>
            <WorkOrderStatusTag status={order.status} />
            <Tag>{t(`workOrders.type.${order.type}`)}</Tag>
            <PriorityTag priority={order.priority} />
            {order.isRepeat && <Tag color="red">{t('workOrders.fields.repeat')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<PrinterOutlined />} onClick={() => printing.print('notice')} data-testid="wo-print-notice-button">
              {t('workOrders.printSheet.notice')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => printing.print('report')} data-testid="wo-print-report-button">
              {t('workOrders.printSheet.report')}
            </Button>
            <Link to="/work-orders">
              <Button icon={<ArrowLeftOutlined />}>{t('workOrders.back')}</Button>
            </Link>
          </Space>
        }
      />
      <Card size="small" className="sht-wo-actions">
        <ActionBar allowed={order.allowedActions} onPick={setAction} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={order.title} data-testid="wo-info">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('workOrders.fields.customer')}>
                <Link to={`/customers/${order.customer.id}`} data-testid="wo-customer-link">{order.customer.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.equipment')}>
                {order.equipment ? (
                  <Link to={`/equipment/${order.equipment.id}`} data-testid="wo-equipment-link">
                    {order.equipment.serialNo} · {order.equipment.modelName}
                  </Link>
                ) : t('common.none')}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.org')}>
                <span data-testid="wo-org">{order.org.name}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.assignee')}>
                <span data-testid="wo-assignee">{order.assignee?.name ?? t('common.none')}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.caller')}>
                {[order.callerName, order.callerPhone].filter(Boolean).join(' ') || t('common.none')}
                {order.callerPhone && (
                  <a href={`tel:${order.callerPhone.replace(/[^\d+]/g, '')}`} aria-label={t('workOrders.jobs.call')} style={{ marginInlineStart: 6 }}>
                    <PhoneOutlined />
                  </a>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.channel')}>{t(`workOrders.channel.${order.channel}`)}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.siteAddress')} span={{ xs: 1, sm: 2 }}>
                {order.siteAddress ?? t('common.none')}
                {nav && (
                  <a href={nav} target="_blank" rel="noreferrer" style={{ marginInlineStart: 6 }}>
                    <EnvironmentOutlined /> {t('workOrders.jobs.navigate')}
                  </a>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.faultDate')}>{order.faultDate}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.serviceLevel')}>{order.serviceLevel}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.createdAt')}>{formatDateTime(order.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.updatedAt')}>{formatDateTime(order.updatedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('workOrders.fields.description')} span={{ xs: 1, sm: 2 }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{order.description}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
            <SlaCard orderId={order.id} targets={order.sla} calendarName={order.calendar.name} />
            <ComplaintCard order={order} />
          </Space>
        </Col>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
            <TimelineCard orderId={order.id} />
            {order.equipment && (
              <Card size="small" title={t('workOrders.unitHistory')}>
                <RecordWorkOrders equipmentId={order.equipment.id} />
              </Card>
            )}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ display: 'flex' }}>
            <DiagnosisCard diagnosis={order.diagnosis} />
            <AttachmentsCard ownerType="work_order" ownerId={order.id} purposes={['photo', 'video', 'document']} canWrite={canAttach} />
            <ServiceReportCard order={order} />
          </Space>
        </Col>
      </Row>
      <TransitionModal order={order} action={action} onClose={() => setAction(null)} />
      {printing.kind && <PrintableSheet kind={printing.kind} order={order} />}
    </div>
  );
}

/** Which sheet is on paper: set by a print button, printed once rendered, kept until the next one. */
function usePrinting() {
  const [kind, setKind] = useState<SheetKind | null>(null);
  const [requested, setRequested] = useState(0);
  useEffect(() => {
    if (requested === 0) return;
    // Printing waits a frame so the sheet (and the signature image) is in the page.
    const timer = window.setTimeout(() => window.print(), 300);
    return () => window.clearTimeout(timer);
  }, [requested]);
  return { kind, print: (next: SheetKind) => { setKind(next); setRequested((n) => n + 1); } };
}

function PrintableSheet({ kind, order }: { kind: SheetKind; order: WorkOrderDetail }) {
  const events = useWorkOrderEvents(order.id);
  const report = useServiceReport(order.id);
  return <WorkOrderPrintSheet kind={kind} order={order} events={events.data?.items ?? []} report={report.data ?? null} />;
}
