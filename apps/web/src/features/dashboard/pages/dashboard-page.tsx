import { lazy, Suspense, useMemo } from 'react';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../auth/hooks/use-me';
import { useOrgTree } from '../../orgs/hooks/use-orgs';
import { countByKind } from '../../orgs/org-tree.utils';
import { PageHeader } from '../../../shared/page-header';
import { SummaryCards } from '../components/summary-cards';
import { WelcomeCard } from '../components/welcome-card';

// ECharts is the heaviest dependency; load it only when the chart is actually shown.
const OrgKindChart = lazy(async () => ({ default: (await import('../components/org-kind-chart')).OrgKindChart }));

function OrgStats() {
  const { t } = useTranslation();
  const tree = useOrgTree();
  // A region manager has no HQ in view: show only the kinds that occur in the visible subtree.
  const counts = useMemo(
    () => countByKind(tree.data ?? []).filter((c) => c.active + c.inactive > 0),
    [tree.data],
  );
  const active = counts.reduce((sum, c) => sum + c.active, 0);
  const inactive = counts.reduce((sum, c) => sum + c.inactive, 0);

  if (tree.isError) return <Alert type="error" showIcon title={tree.error.message} />;
  return (
    <Card title={t('dashboard.orgCounts')} data-testid="org-kind-chart">
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col span={8}><Statistic title={t('dashboard.orgTotal')} value={active + inactive} loading={tree.isPending} /></Col>
        <Col span={8}><Statistic title={t('dashboard.orgActive')} value={active} loading={tree.isPending} /></Col>
        <Col span={8}><Statistic title={t('dashboard.orgInactive')} value={inactive} loading={tree.isPending} /></Col>
      </Row>
      {tree.isPending ? (
        <Skeleton active />
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <OrgKindChart counts={counts} />
        </Suspense>
      )}
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <PageHeader title={t('nav.dashboard')} />
      <div style={{ marginBottom: 16 }}>
        <SummaryCards />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <WelcomeCard />
        </Col>
        <Col xs={24} lg={14}>
          {can('org.read') && <OrgStats />}
        </Col>
      </Row>
    </>
  );
}
