import { createPortal } from 'react-dom';
import i18next from 'i18next';
import dayjs from 'dayjs';
import type { ServiceReport, WorkOrderDetail, WorkOrderEvent } from '@sht/domain';
import { eventFacts, formatFen } from '../workorders.utils';
import '../../../shared/print-sheet.css';

// 客户投诉处理通知单 and 客户投诉处理情况表 (for other types: 服务派工通知单 / 服务报告单) are Chinese
// paper forms of the service procedure: printed in Chinese whatever the screen language.
const SHEET_LANGUAGE = 'zh-CN';
export type SheetKind = 'notice' | 'report';

const when = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY 年 M 月 D 日 HH:mm') : '');

type Props = { kind: SheetKind; order: WorkOrderDetail; events: readonly WorkOrderEvent[]; report: ServiceReport | null };

/** The printable sheet; rendered beside the app root so print CSS can show it alone. */
export function WorkOrderPrintSheet({ kind, order, events, report }: Props) {
  // Keys here are composed from enum values (types, statuses, methods), so the translator is used
  // untyped; every composed key exists in both locale files (their shapes are checked).
  const t = i18next.getFixedT(SHEET_LANGUAGE) as unknown as Translate;
  const p: Translate = (key, opts) => t(`workOrders.printSheet.${key}`, opts);
  const isComplaint = order.complaint !== null;
  const title = p(`${kind === 'notice' ? 'titleNotice' : 'titleReport'}.${isComplaint ? 'complaint' : 'other'}`);
  const caller = [order.callerName, order.callerPhone].filter(Boolean).join(' ');
  const equipment = order.equipment ? `${order.equipment.modelName} / ${order.equipment.serialNo}` : '';
  const last = (action: WorkOrderEvent['action']) => [...events].reverse().find((e) => e.action === action);
  const created = events.find((e) => e.action === 'create');

  return createPortal(
    <div className="sht-print-sheet" data-testid={`wo-print-${kind}`}>
      <h1>{title}</h1>
      <div className="sht-print-sheet__meta">
        <span>{p('number')}：{order.number}</span>
        <span>{p('receivedAt')}：{when(order.createdAt)}</span>
      </div>
      <table>
        <tbody>
          <tr>
            <th>{p('customer')}</th>
            <td>{order.customer.name}</td>
            <th>{p('caller')}</th>
            <td>{caller}</td>
          </tr>
          <tr>
            <th>{p('address')}</th>
            <td colSpan={3}>{order.siteAddress ?? ''}</td>
          </tr>
          <tr>
            <th>{p('equipment')}</th>
            <td colSpan={3}>{equipment}</td>
          </tr>
          <tr>
            <th>{isComplaint ? p('category') : p('type')}</th>
            <td>{order.complaint ? t(`workOrders.complaint.categories.${order.complaint.category}`) : t(`workOrders.type.${order.type}`)}</td>
            <th>{p('priority')}</th>
            <td>{t(`workOrders.priority.${order.priority}`)}</td>
          </tr>
          {kind === 'notice' ? (
            <NoticeRows order={order} p={p} />
          ) : (
            <ReportRows order={order} report={report} p={p} t={t} arrivedAt={last('arrive')?.at} resolvedAt={last('resolve')?.at} confirm={last('confirm')} />
          )}
        </tbody>
      </table>
      <div className="sht-print-sheet__footer">
        {kind === 'notice' ? (
          <>
            <span>{p('receivedBy')}：{created?.actor?.name ?? ''}</span>
            <span>{p('signedBy')}：</span>
            <span>{p('signedAt')}：</span>
          </>
        ) : (
          <>
            <span>{p('technician')}：{order.assignee?.name ?? ''}</span>
            <span>
              {p('signature')}：
              {report?.signatureAttachmentId && (
                <img className="sht-print-sheet__signature" src={`/api/v1/attachments/${report.signatureAttachmentId}/content`} alt={p('signature')} />
              )}
            </span>
          </>
        )}
      </div>
      <div className="sht-print-sheet__printed">{p('printedAt', { time: dayjs().format('YYYY-MM-DD HH:mm') })}</div>
    </div>,
    document.body,
  );
}

type Translate = (key: string, opts?: Record<string, unknown>) => string;
type P = Translate;

function NoticeRows({ order, p }: { order: WorkOrderDetail; p: P }) {
  const resolution = order.sla.filter((s) => s.kind === 'resolution').at(-1);
  return (
    <>
      <tr>
        <th>{p('content')}</th>
        <td colSpan={3} className="sht-print-sheet__notes" style={{ whiteSpace: 'pre-wrap' }}>{`${order.title}\n${order.description}`}</td>
      </tr>
      <tr>
        <th>{p('handler')}</th>
        <td>{order.org.name}</td>
        <th>{p('atFault')}</th>
        <td>{order.complaint?.atFaultOrg?.name ?? ''}</td>
      </tr>
      <tr>
        <th>{p('routedBy')}</th>
        <td>{order.complaint?.routedBy?.name ?? ''}</td>
        <th>{p('deadline')}</th>
        <td>{when(resolution?.dueAt ?? order.resolutionDueAt)}</td>
      </tr>
      <tr>
        <th>{p('requirement')}</th>
        <td colSpan={3}>{p('requirementText')}</td>
      </tr>
    </>
  );
}

type ReportProps = {
  order: WorkOrderDetail;
  report: ServiceReport | null;
  p: P;
  t: Translate;
  arrivedAt: string | undefined;
  resolvedAt: string | undefined;
  confirm: WorkOrderEvent | undefined;
};

function ReportRows({ order, report, p, t, arrivedAt, resolvedAt, confirm }: ReportProps) {
  const d = order.diagnosis;
  const method = confirm ? eventFacts(confirm.data).method : null;
  return (
    <>
      <tr>
        <th>{p('faultDate')}</th>
        <td>{order.faultDate}</td>
        <th>{p('arrivedAt')}</th>
        <td>{when(arrivedAt)}</td>
      </tr>
      <tr>
        <th>{p('symptom')}</th>
        <td colSpan={3}>{d?.symptom ?? ''}</td>
      </tr>
      <tr>
        <th>{p('cause')}</th>
        <td colSpan={3}>{d?.cause ?? ''}</td>
      </tr>
      <tr>
        <th>{p('action')}</th>
        <td colSpan={3}>{d?.action ?? ''}</td>
      </tr>
      <tr>
        <th>{p('parts')}</th>
        <td colSpan={3}>
          {report && report.parts.length > 0 ? (
            <table className="sht-print-sheet__inner">
              <thead>
                <tr>
                  {(['code', 'name', 'quantity', 'amount', 'billing', 'oldPart'] as const).map((h) => <th key={h}>{p(`partsHead.${h}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {report.parts.map((part, i) => {
                  const line = report.charges.lines.filter((l) => l.kind === 'part')[i];
                  return (
                    <tr key={`${part.partId}-${i}`}>
                      <td>{part.code}</td>
                      <td>{part.name}</td>
                      <td>{part.quantity}</td>
                      <td>{formatFen(part.priceFen * part.quantity)}</td>
                      <td>{line?.free ? p('free') : p('charged')}</td>
                      <td>{part.oldPartReturned ? p('yes') : p('no')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : p('noParts')}
        </td>
      </tr>
      <tr>
        <th>{p('labour')}</th>
        <td>{report ? p('labourValue', { hours: report.labourHours, km: report.travelKm }) : ''}</td>
        <th>{p('testRun')}</th>
        <td>{report?.testRun ? `${t(`workOrders.report.testRunResult.${report.testRun.passed ? 'passed' : 'failed'}`)} ${report.testRun.note ?? ''}` : ''}</td>
      </tr>
      <tr>
        <th>{p('liability')}</th>
        <td>{report ? t(`workOrders.report.liabilities.${report.liability}`) : ''}</td>
        <th>{p('compensation')}</th>
        <td>{report && report.compensationFen > 0 ? `${formatFen(report.compensationFen)} ${report.compensationNote ?? ''}` : ''}</td>
      </tr>
      <tr>
        <th>{p('totals')}</th>
        <td colSpan={3}>{report ? p('totalsValue', { charged: formatFen(report.charges.chargedFen), free: formatFen(report.charges.freeFen) }) : ''}</td>
      </tr>
      {order.complaint && (
        <>
          <tr>
            <th>{p('explanation')}</th>
            <td colSpan={3}>{order.complaint.response?.explanation ?? ''}</td>
          </tr>
          <tr>
            <th>{p('apology')}</th>
            <td colSpan={3}>{order.complaint.response?.apology ?? ''}</td>
          </tr>
          <tr>
            <th>{p('improvement')}</th>
            <td colSpan={3}>{order.complaint.response?.improvement ?? ''}</td>
          </tr>
        </>
      )}
      <tr>
        <th>{p('resolvedAt')}</th>
        <td>{when(resolvedAt)}</td>
        <th>{p('confirmation')}</th>
        <td>{confirm ? p('confirmedValue', { time: when(confirm.at), method: method ? p(`methods.${method}`) : '' }) : ''}</td>
      </tr>
    </>
  );
}
