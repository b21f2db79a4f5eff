import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChargeLine, WorkOrderDetail } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { useCan, useSession } from '../../auth/hooks/use-me';
import { useServiceReport } from '../hooks/use-workorders';
import { formatFen } from '../workorders.utils';
import { ServiceReportModal } from './service-report-modal';

// The report can be written from dispatch until the customer has confirmed (as the server enforces).
const editable = new Set(['accepted', 'dispatched', 'travelling', 'on_site', 'waiting_parts', 'waiting_customer', 'resolved']);

/** The on-site report and the charge sheet the server priced from it (warranty coverage on the fault date). */
export function ServiceReportCard({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useSession();
  const query = useServiceReport(order.id);
  const [open, setOpen] = useState(false);
  const report = query.data ?? null;
  const mayEdit = editable.has(order.status) && (can('workorder.write') || (order.assignee?.id === me.id && can('workorder.field')));

  const lineText = (l: ChargeLine) =>
    l.kind === 'part' ? `${l.code ?? ''} ${l.description}` : t(`workOrders.report.kind.${l.kind}`);

  return (
    <Card
      size="small"
      title={t('workOrders.report.title')}
      extra={mayEdit && !query.isPending && (
        <Button size="small" onClick={() => setOpen(true)} data-testid="wo-report-edit">{t('workOrders.report.edit')}</Button>
      )}
      data-testid="wo-report"
    >
      {query.isPending ? (
        <Spin />
      ) : !report ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.report.empty')} />
      ) : (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('workOrders.report.liability')}>{t(`workOrders.report.liabilities.${report.liability}`)}</Descriptions.Item>
            <Descriptions.Item label={t('workOrders.report.testRun')}>
              {t(`workOrders.report.testRunResult.${report.testRun ? (report.testRun.passed ? 'passed' : 'failed') : 'none'}`)}
              {report.testRun?.note ? ` · ${report.testRun.note}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('workOrders.report.labourHours')}>{report.labourHours}</Descriptions.Item>
            <Descriptions.Item label={t('workOrders.report.travelKm')}>{report.travelKm}</Descriptions.Item>
            {report.mainPartReplaced && <Descriptions.Item label={t('workOrders.report.mainPartReplaced')}>{report.mainPartReplaced}</Descriptions.Item>}
            {report.faultCode && <Descriptions.Item label={t('workOrders.report.faultCode')}>{report.faultCode}</Descriptions.Item>}
            {report.isSeriousFault && <Descriptions.Item label={t('workOrders.report.isSeriousFault')}><Tag color="red">{t('common.yes')}</Tag></Descriptions.Item>}
            {report.coverage && (
              <Descriptions.Item label={t('workOrders.report.coverage')} span={{ xs: 1, sm: 2 }}>{report.coverage.summary}</Descriptions.Item>
            )}
          </Descriptions>
          <Table<ChargeLine>
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowKey={(_, i) => String(i)}
            dataSource={report.charges.lines}
            columns={[
              { title: t('workOrders.report.charges'), key: 'what', render: (_, l) => lineText(l) },
              { title: t('workOrders.report.quantity'), dataIndex: 'quantity', key: 'quantity' },
              { title: t('workOrders.report.amount'), key: 'amount', render: (_, l) => formatFen(l.amountFen) },
              {
                title: '', key: 'reason',
                render: (_, l) => <Tag color={l.free ? 'green' : 'default'}>{t(`workOrders.report.reason.${l.reason}`)}</Tag>,
              },
            ]}
            data-testid="wo-report-charges"
          />
          <div className="sht-wo-report__totals" data-testid="wo-report-totals">
            <Typography.Text strong>{t('workOrders.report.charged', { amount: formatFen(report.charges.chargedFen) })}</Typography.Text>
            <Typography.Text type="success">{t('workOrders.report.free', { amount: formatFen(report.charges.freeFen) })}</Typography.Text>
          </div>
          {report.submittedBy && (
            <Typography.Text type="secondary">{t('workOrders.report.submittedBy', { name: report.submittedBy, time: formatDateTime(report.updatedAt) })}</Typography.Text>
          )}
        </>
      )}
      {open && <ServiceReportModal order={order} report={report} onClose={() => setOpen(false)} />}
    </Card>
  );
}
