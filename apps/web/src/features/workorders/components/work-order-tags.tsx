import { Badge, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkOrder, WorkOrderPriority, WorkOrderStatus } from '@sht/domain';
import { formatDateTime } from '../../../shared/format';
import { dueTone, durationParts, nextDue, type Tone } from '../workorders.utils';

const statusColor: Record<WorkOrderStatus, string> = {
  new: 'blue',
  accepted: 'cyan',
  dispatched: 'geekblue',
  travelling: 'purple',
  on_site: 'orange',
  waiting_parts: 'gold',
  waiting_customer: 'gold',
  resolved: 'green',
  confirmed: 'green',
  closed: 'default',
  cancelled: 'default',
};

export function WorkOrderStatusTag({ status }: { status: WorkOrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="work-order-status">
      {t(`workOrders.status.${status}`)}
    </Tag>
  );
}

const priorityColor: Record<WorkOrderPriority, string | undefined> = { low: undefined, normal: undefined, high: 'orange', urgent: 'red' };

export function PriorityTag({ priority }: { priority: WorkOrderPriority }) {
  const { t } = useTranslation();
  return <Tag color={priorityColor[priority]}>{t(`workOrders.priority.${priority}`)}</Tag>;
}

/** "1 天 2 小时" / "35 分钟": the two largest parts of a duration. */
export function useDurationText() {
  const { t } = useTranslation();
  return (minutes: number) => {
    const p = durationParts(minutes);
    const parts = [
      p.days > 0 ? t('workOrders.duration.days', { n: p.days }) : null,
      p.hours > 0 ? t('workOrders.duration.hours', { n: p.hours }) : null,
      p.minutes > 0 || (p.days === 0 && p.hours === 0) ? t('workOrders.duration.minutes', { n: p.minutes }) : null,
    ].filter((s): s is string => s !== null);
    return parts.slice(0, 2).join(' ');
  };
}

export const badgeStatus: Record<Tone, 'success' | 'warning' | 'error' | 'processing' | 'default'> = {
  success: 'success',
  warning: 'warning',
  error: 'error',
  processing: 'processing',
  default: 'default',
};

/** The deadline an open order works against, coloured by urgency (list rows and job cards). */
export function DueBadge({ order, now }: { order: WorkOrder; now: Date }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const due = nextDue(order);
  if (!due) return <span>—</span>;
  const tone = dueTone(due, order.createdAt, now);
  const left = (Date.parse(due.dueAt) - now.getTime()) / 60_000;
  const detail = left >= 0 ? t('workOrders.sla.remaining', { time: duration(left) }) : t('workOrders.sla.overdue', { time: duration(-left) });
  return (
    <Tooltip title={due.isPaused ? t('workOrders.sla.state.paused') : detail}>
      <Badge
        status={badgeStatus[tone]}
        text={`${t(`workOrders.sla.kind.${due.kind}`)} ${formatDateTime(due.dueAt)}`}
        data-testid="work-order-due"
        data-tone={tone}
      />
    </Tooltip>
  );
}
