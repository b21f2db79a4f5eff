import { lazy, Suspense, type ReactNode } from 'react';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '@sht/domain';
import { useDashboardSummary } from '../hooks/use-dashboard';

const OrderStatusChart = lazy(async () => ({ default: (await import('./order-status-chart')).OrderStatusChart }));

type FigureKey =
  | 'open' | 'createdToday' | 'unassigned' | 'atRisk' | 'breached' | 'slaMetRate'
  | 'pending' | 'overdue' | 'completed30d' | 'meanScore30d'
  | 'responses90d' | 'meanScore90d' | 'nps90d'
  | 'recoveryOpen' | 'recoverySucceeded' | 'recoveryFailed';
type Figure = { key: FigureKey; value: number | string | null; suffix?: string; danger?: boolean; to?: string };

function FigureCard({ title, figures, extra, testId, children }: { title: string; figures: Figure[]; extra?: ReactNode; testId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card title={title} extra={extra} size="small" data-testid={testId}>
      <Row gutter={[12, 12]}>
        {figures.map((f) => {
          const stat = (
            <Statistic
              title={t(`dashboard.summary.${f.key}`)}
              value={f.value ?? '—'}
              suffix={f.value === null ? undefined : f.suffix}
              styles={f.danger && typeof f.value === 'number' && f.value > 0 ? { content: { color: '#cf1322' } } : undefined}
            />
          );
          return (
            <Col key={f.key} xs={12} sm={8} md={Math.max(6, Math.floor(24 / figures.length))} data-testid={`dashboard-${f.key}`}>
              {f.to ? <Link to={f.to}>{stat}</Link> : stat}
            </Col>
          );
        })}
      </Row>
      {children}
    </Card>
  );
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

function WorkOrderBlock({ w }: { w: NonNullable<DashboardSummary['workOrders']> }) {
  const { t } = useTranslation();
  const finished = w.targets30d.met + w.targets30d.breached;
  return (
    <FigureCard
      title={t('dashboard.summary.workOrdersTitle')}
      testId="dashboard-work-orders"
      extra={<Link to="/work-orders">{t('dashboard.summary.open')}</Link>}
      figures={[
        { key: 'open', value: w.open, to: '/work-orders' },
        { key: 'createdToday', value: w.createdToday },
        { key: 'unassigned', value: w.unassigned, danger: true },
        { key: 'atRisk', value: w.atRisk, danger: true },
        { key: 'breached', value: w.breached, danger: true },
        { key: 'slaMetRate', value: pct(w.targets30d.met, finished), suffix: '%' },
      ]}
    >
      {w.byStatus.length > 0 && (
        <Suspense fallback={<Skeleton active />}>
          <OrderStatusChart byStatus={w.byStatus} />
        </Suspense>
      )}
    </FigureCard>
  );
}

/** The manager's figures: orders and SLA, callbacks, satisfaction and recovery — as far as the roles allow. */
export function SummaryCards() {
  const { t } = useTranslation();
  const summary = useDashboardSummary();
  if (summary.isError) return <Alert type="error" showIcon title={t('errors.loadFailed')} description={summary.error.message} />;
  if (summary.isPending) return <Card><Skeleton active /></Card>;
  const { workOrders, callbacks, satisfaction, recovery } = summary.data;
  return (
    <Row gutter={[16, 16]}>
      {workOrders && <Col xs={24}><WorkOrderBlock w={workOrders} /></Col>}
      {callbacks && (
        <Col xs={24} lg={12}>
          <FigureCard
            title={t('dashboard.summary.callbacksTitle')}
            testId="dashboard-callbacks"
            figures={[
              { key: 'pending', value: callbacks.pending, to: '/callbacks' },
              { key: 'overdue', value: callbacks.overdue, danger: true, to: '/callbacks' },
              { key: 'completed30d', value: callbacks.completed30d },
              { key: 'meanScore30d', value: callbacks.meanScore30d },
            ]}
          />
        </Col>
      )}
      {satisfaction && (
        <Col xs={24} lg={12}>
          <FigureCard
            title={t('dashboard.summary.satisfactionTitle')}
            testId="dashboard-satisfaction"
            figures={[
              { key: 'responses90d', value: satisfaction.responses90d, to: '/survey-analysis' },
              { key: 'meanScore90d', value: satisfaction.meanScore90d },
              { key: 'nps90d', value: satisfaction.nps90d },
            ]}
          />
        </Col>
      )}
      {recovery && (
        <Col xs={24} lg={12}>
          <FigureCard
            title={t('dashboard.summary.recoveryTitle')}
            testId="dashboard-recovery"
            figures={[
              { key: 'recoveryOpen', value: recovery.open, danger: true, to: '/recovery-cases' },
              { key: 'recoverySucceeded', value: recovery.succeeded90d },
              { key: 'recoveryFailed', value: recovery.failed90d },
            ]}
          />
        </Col>
      )}
    </Row>
  );
}
