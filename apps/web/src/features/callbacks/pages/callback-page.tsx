import { Link, useParams } from 'react-router';
import { App, Button, Card, Col, Descriptions, List, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CallbackDetail, RecordCallbackOutcomeInput } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { formatDateTime } from '../../../shared/format';
import { PageHeader } from '../../../shared/page-header';
import { RecordQueryState } from '../../../shared/record-query-state';
import { useRunAction } from '../../../shared/use-run-action';
import { useCan } from '../../auth/hooks/use-me';
import { callbacksApi } from '../callbacks.api';
import { CallbackForm } from '../components/callback-form';
import { CallbackStatusTag, RecoveryStatusTag, ScoreText } from '../components/callback-tags';
import { useCallbackMutations, useCallbackTask } from '../hooks/use-callbacks';

function Answers({ task }: { task: CallbackDetail }) {
  const { t } = useTranslation();
  const a = task.answers;
  if (!a) return null;
  const yn = (v: boolean) => (v ? t('callbacks.yes') : t('callbacks.no'));
  return (
    <Card size="small" title={t('callbacks.questions')} data-testid="callback-answers">
      <Descriptions size="small" column={1} items={[
        { key: 'score', label: t('callbacks.fields.score'), children: <ScoreText score={task.score} /> },
        { key: 'arrived', label: t('callbacks.q.arrivedOnTime'), children: yn(a.arrivedOnTime) },
        { key: 'charged', label: t('callbacks.q.charged'), children: a.charged ? `${yn(true)} · ¥${((a.chargedFen ?? 0) / 100).toFixed(2)}` : yn(false) },
        { key: 'fixed', label: t('callbacks.q.faultFixed'), children: t(`callbacks.faultFixed.${a.faultFixed}`) },
        { key: 'ratings', label: t('callbacks.q.ratings'), children: (['timeliness', 'attitude', 'quality', 'overall'] as const).map((k) => `${t(`callbacks.q.${k}`)} ${a.ratings[k]}`).join(' · ') },
        { key: 'comment', label: t('callbacks.q.comment'), children: a.comment ?? '' },
      ]} />
    </Card>
  );
}

function RecoveryLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: ['callbacks', 'recovery-case', caseId], queryFn: ({ signal }) => callbacksApi.recoveryCase(caseId, signal) });
  if (!q.data) return null;
  return (
    <Card size="small" title={t('callbacks.recovery.title')} data-testid="callback-recovery">
      <Space wrap>
        <RecoveryStatusTag status={q.data.status} />
        <span>{t('callbacks.recovery.fields.recoveryOrder')}:</span>
        <Link to={`/work-orders/${q.data.recoveryOrder.id}`} data-testid="callback-recovery-order">{q.data.recoveryOrder.number}</Link>
      </Space>
    </Card>
  );
}

export function CallbackPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const run = useRunAction();
  const query = useCallbackTask(id);
  const { claim, record } = useCallbackMutations();

  const submit = (input: RecordCallbackOutcomeInput) =>
    record.mutateAsync({ id, input }).then(
      (task) => {
        void message.success(t('callbacks.saved'));
        if (task.isFalseCompletion) void message.warning(t('callbacks.reopened'));
        if (task.kind === 'order' && task.recoveryCaseId) void message.warning(t('callbacks.recoveryOpened'));
      },
      (err: unknown) => void message.error(toApiError(err, t('common.networkError')).message),
    );

  return (
    <RecordQueryState query={query} notFound={t('callbacks.notFound')} back={{ to: '/callbacks', label: t('callbacks.title') }}>
      {(task) => (
        <div data-testid="callback-page">
          <PageHeader
            title={<Space wrap><span data-testid="callback-number">{task.workOrder.number}</span><CallbackStatusTag status={task.status} />{task.isOverdue && <Tag color="red">{t('callbacks.overdue')}</Tag>}{task.isFalseCompletion && <Tag color="volcano">{t('callbacks.falseCompletion')}</Tag>}</Space>}
            extra={can('callback.write') && task.status === 'pending' && !task.assignee && (
              <Button onClick={() => void run(claim.mutateAsync({ id, version: task.version }), t('callbacks.claimDone'))} data-testid="callback-claim">{t('callbacks.claim')}</Button>
            )}
          />
          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Space direction="vertical" style={{ width: '100%' }} size={12}>
                <Card size="small" title={t('callbacks.orderSummary')}>
                  <Descriptions size="small" column={1} data-testid="callback-summary" items={[
                    { key: 'wo', label: t('callbacks.fields.workOrder'), children: <Link to={`/work-orders/${task.workOrder.id}`}>{task.workOrder.number} {task.workOrder.title}</Link> },
                    { key: 'kind', label: t('callbacks.fields.kind'), children: t(`callbacks.kind.${task.kind}`) },
                    { key: 'customer', label: t('callbacks.fields.customer'), children: `${task.customer.name}${task.order.callerName ? ` · ${task.order.callerName}` : ''}` },
                    { key: 'phone', label: t('callbacks.fields.phone'), children: task.phone ? <a href={`tel:${task.phone}`}>{task.phone}</a> : '' },
                    { key: 'org', label: t('callbacks.fields.org'), children: task.org.name },
                    { key: 'tech', label: t('callbacks.fields.technician'), children: task.technician?.name ?? '' },
                    { key: 'equipment', label: t('callbacks.equipment'), children: task.order.equipment ?? '' },
                    { key: 'desc', label: t('callbacks.description'), children: task.order.description },
                    { key: 'diag', label: t('callbacks.diagnosis'), children: task.order.diagnosis ? `${task.order.diagnosis.cause};${task.order.diagnosis.action}` : '' },
                    { key: 'resolved', label: t('callbacks.resolvedAt'), children: formatDateTime(task.order.resolvedAt) },
                    { key: 'due', label: t('callbacks.fields.dueAt'), children: formatDateTime(task.dueAt) },
                    { key: 'attempts', label: t('callbacks.fields.attempts'), children: `${task.attempts}/${task.maxAttempts}` },
                  ]} />
                </Card>
                <Card size="small" title={t('callbacks.script')}>
                  <div data-testid="callback-script">
                    {task.script.map((line) => <Typography.Paragraph key={line} style={{ marginBottom: 6 }}>{line}</Typography.Paragraph>)}
                  </div>
                </Card>
              </Space>
            </Col>
            <Col xs={24} lg={14}>
              <Space direction="vertical" style={{ width: '100%' }} size={12}>
                {task.status === 'pending' && can('callback.write') && <CallbackForm key={task.version} version={task.version} busy={record.isPending} onSubmit={(input) => void submit(input)} />}
                <Answers task={task} />
                {task.kind === 'order' && task.recoveryCaseId && <RecoveryLink caseId={task.recoveryCaseId} />}
                {task.history.length > 0 && (
                  <Card size="small" title={t('callbacks.history')}>
                    <List size="small" dataSource={task.history} data-testid="callback-history" renderItem={(h) => (
                      <List.Item>{formatDateTime(h.at)} · {t(`callbacks.outcomeName.${h.outcome}`)} · {h.actorName ?? ''}{h.note ? ` · ${h.note}` : ''}</List.Item>
                    )} />
                  </Card>
                )}
              </Space>
            </Col>
          </Row>
        </div>
      )}
    </RecordQueryState>
  );
}
