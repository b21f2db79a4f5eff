import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Empty, Space, Spin, Typography } from 'antd';
import { CarOutlined, CheckCircleOutlined, EnvironmentOutlined, PhoneOutlined, ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { allowedActions, type WorkOrder, type WorkOrderAction } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { PageHeader } from '../../../shared/page-header';
import { RefreshButton } from '../../../shared/list-card';
import { TransitionModal } from '../components/transition-modal';
import { DueBadge, PriorityTag, WorkOrderStatusTag } from '../components/work-order-tags';
import { useNow } from '../hooks/use-now';
import { currentPosition, useMyJobs, useTransition } from '../hooks/use-workorders';
import { byUrgency, navigationUrl } from '../workorders.utils';
import '../workorders.css';

// What a technician does from the phone; everything else is on the order page.
const fieldActions: readonly WorkOrderAction[] = ['start_travel', 'arrive', 'resolve'];
const icons: Partial<Record<WorkOrderAction, React.ReactNode>> = {
  start_travel: <CarOutlined />,
  arrive: <CheckCircleOutlined />,
  resolve: <ToolOutlined />,
};

/** A technician's open jobs on the phone, most urgent deadline first, with one big button for the next step. */
export function MyJobsPage() {
  const { t } = useTranslation();
  const jobs = useMyJobs();
  const now = useNow();
  const [resolving, setResolving] = useState<WorkOrder | null>(null);
  const items = byUrgency(jobs.data?.items ?? []);

  return (
    <div data-testid="my-jobs-page">
      <PageHeader title={t('workOrders.myJobs')} extra={<RefreshButton onRefresh={() => void jobs.refetch()} />} />
      {jobs.isPending ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : items.length === 0 ? (
        <Empty description={t('workOrders.jobs.empty')} />
      ) : (
        <div className="sht-wo-jobs">
          {items.map((job) => (
            <JobCard key={job.id} job={job} now={now} onResolve={() => setResolving(job)} />
          ))}
        </div>
      )}
      {resolving && <TransitionModal order={resolving} action="resolve" onClose={() => setResolving(null)} />}
    </div>
  );
}

function JobCard({ job, now, onResolve }: { job: WorkOrder; now: Date; onResolve: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const transition = useTransition();
  const nav = navigationUrl({ address: job.siteAddress });
  // The list row has no allowedActions; as the assignee these follow from the state machine alone.
  const next = allowedActions({ status: job.status, resumeStatus: job.resumeStatus, type: job.type, hasAssignee: true }).filter((a) => fieldActions.includes(a));

  const step = async (action: 'start_travel' | 'arrive') => {
    try {
      await transition.mutateAsync({ id: job.id, input: { action, version: job.version, position: await currentPosition() } });
      message.success(t('workOrders.actionDone', { action: t(`workOrders.actions.${action}`) }));
    } catch (err) {
      message.error(toApiError(err, t('common.networkError')).message);
    }
  };

  return (
    <Card size="small" className="sht-wo-job" data-testid="job-card" data-number={job.number}>
      <div className="sht-wo-job__head">
        <Link to={`/work-orders/${job.id}`} data-testid="job-link">
          <Typography.Text strong>{job.number}</Typography.Text>
        </Link>
        <WorkOrderStatusTag status={job.status} />
        <PriorityTag priority={job.priority} />
      </div>
      <div><DueBadge order={job} now={now} /></div>
      <Typography.Text strong className="sht-wo-job__title">{job.title}</Typography.Text>
      <div className="sht-wo-job__line">
        {job.customer.name}
        {job.equipment && ` · ${job.equipment.serialNo} ${job.equipment.modelName}`}
      </div>
      {job.siteAddress && <div className="sht-wo-job__line" data-testid="job-address">{job.siteAddress}</div>}
      <Space wrap className="sht-wo-job__links">
        {nav && (
          <a href={nav} target="_blank" rel="noreferrer" data-testid="job-navigate">
            <EnvironmentOutlined /> {t('workOrders.jobs.navigate')}
          </a>
        )}
        {job.callerPhone && (
          <a href={`tel:${job.callerPhone.replace(/[^\d+]/g, '')}`} data-testid="job-call">
            <PhoneOutlined /> {t('workOrders.jobs.call')} {job.callerName ?? ''}
          </a>
        )}
      </Space>
      <div className="sht-wo-job__buttons">
        {next.map((action) => (
          <Button
            key={action}
            type="primary"
            size="large"
            block
            icon={icons[action]}
            loading={transition.isPending}
            onClick={() => (action === 'resolve' ? onResolve() : void step(action as 'start_travel' | 'arrive'))}
            data-testid={`job-${action}`}
          >
            {t(`workOrders.actions.${action}`)}
          </Button>
        ))}
      </div>
    </Card>
  );
}
