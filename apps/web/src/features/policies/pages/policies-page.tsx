import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Tabs, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ComplaintRule, SlaPolicy } from '@sht/domain';
import { PageHeader } from '../../../shared/page-header';
import { useCan } from '../../auth/hooks/use-me';
import { ComplaintRuleFormModal } from '../components/complaint-rule-form-modal';
import { ComplaintRuleTable } from '../components/complaint-rule-table';
import { CompensationFormModal } from '../components/compensation-form-modal';
import { CompensationTable } from '../components/compensation-table';
import { SlaPolicyFormModal } from '../components/sla-policy-form-modal';
import { SlaPolicyTable } from '../components/sla-policy-table';
import { useComplaintRules, useCompensationStandards, useSlaPolicies } from '../hooks/use-policies';

type Editing<R> = { record?: R } | null;

function CreateButton({ label, onClick, testId }: { label: string; onClick: () => void; testId: string }) {
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick} data-testid={testId}>
      {label}
    </Button>
  );
}

function LoadError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  return error ? <Alert type="error" showIcon title={t('errors.loadFailed')} description={error.message} style={{ marginBottom: 12 }} /> : null;
}

function TabBody({ toolbar, children }: { toolbar: ReactNode; children: ReactNode }) {
  return (
    <>
      <div className="sht-filters">{toolbar}</div>
      {children}
    </>
  );
}

/** HQ service policies: SLA promises, complaint routing rules and compensation standards. */
export function PoliciesPage() {
  const { t } = useTranslation();
  const canWrite = useCan()('sla.write');
  const sla = useSlaPolicies();
  const rules = useComplaintRules();
  const compensation = useCompensationStandards();
  const [slaEditing, setSlaEditing] = useState<Editing<SlaPolicy>>(null);
  const [ruleEditing, setRuleEditing] = useState<Editing<ComplaintRule>>(null);
  const [creatingStandard, setCreatingStandard] = useState(false);
  const ruleItems = rules.data?.items ?? [];
  const nextPosition = ruleItems.reduce((max, r) => Math.max(max, r.position), 0) + 1;

  const items = [
    {
      key: 'sla',
      label: <span data-testid="policies-tab-sla">{t('policies.tabs.sla')}</span>,
      children: (
        <TabBody
          toolbar={canWrite && <CreateButton label={t('policies.sla.create')} onClick={() => setSlaEditing({})} testId="sla-create" />}
        >
          <LoadError error={sla.error} />
          <SlaPolicyTable items={sla.data?.items ?? []} loading={sla.isPending} canWrite={canWrite} onEdit={(record) => setSlaEditing({ record })} />
        </TabBody>
      ),
    },
    {
      key: 'complaint-rules',
      label: <span data-testid="policies-tab-complaint-rules">{t('policies.tabs.complaintRules')}</span>,
      children: (
        <TabBody
          toolbar={canWrite && <CreateButton label={t('policies.complaintRules.create')} onClick={() => setRuleEditing({})} testId="rule-create" />}
        >
          <Typography.Paragraph type="secondary">{t('policies.complaintRules.hint')}</Typography.Paragraph>
          <LoadError error={rules.error} />
          <ComplaintRuleTable items={ruleItems} loading={rules.isPending} canWrite={canWrite} onEdit={(record) => setRuleEditing({ record })} />
        </TabBody>
      ),
    },
    {
      key: 'compensation',
      label: <span data-testid="policies-tab-compensation">{t('policies.tabs.compensation')}</span>,
      children: (
        <TabBody
          toolbar={
            canWrite && <CreateButton label={t('policies.compensation.create')} onClick={() => setCreatingStandard(true)} testId="compensation-create" />
          }
        >
          <LoadError error={compensation.error} />
          <CompensationTable items={compensation.data?.items ?? []} loading={compensation.isPending} />
        </TabBody>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('policies.title')} />
      <Card size="small" data-testid="policies-page">
        <Tabs items={items} destroyOnHidden={false} />
      </Card>
      <SlaPolicyFormModal open={slaEditing !== null} policy={slaEditing?.record} onClose={() => setSlaEditing(null)} />
      <ComplaintRuleFormModal
        open={ruleEditing !== null}
        rule={ruleEditing?.record}
        nextPosition={nextPosition}
        onClose={() => setRuleEditing(null)}
      />
      <CompensationFormModal open={creatingStandard} onClose={() => setCreatingStandard(false)} />
    </>
  );
}
