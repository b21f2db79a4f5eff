import { useState } from 'react';
import { Empty, Flex, Switch, Table, Typography } from 'antd';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { roleLabels, type Role } from '@sht/domain';
import { formatDateTimeSeconds } from '../../../shared/format';
import { useLanguage } from '../../../shared/use-language';
import { diffSnapshots, type DiffRow } from '../audit-diff.utils';
import './audit-diff.css';

// Field labels reuse the entity's form labels where they exist (org → orgs.fields.*).
const fieldNamespaces: Record<string, string> = { org: 'orgs.fields', user: 'users.fields' };
const fieldAliases: Record<string, string> = { orgId: 'org' };
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function fieldLabel(entityType: string, field: string): string {
  if (!field) return field;
  const ns = fieldNamespaces[entityType];
  const candidates = [
    ...(ns ? [`${ns}.${field}`, `${ns}.${fieldAliases[field] ?? field}`] : []),
    `audit.commonFields.${field}`,
  ];
  const key = candidates.find((k) => i18next.exists(k));
  return key ? (i18next.t as (k: string) => string)(key) : field;
}

function Value({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (value === undefined || value === null || value === '') {
    return <Typography.Text type="secondary">{t('audit.diff.empty')}</Typography.Text>;
  }
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (field === 'roles' && Array.isArray(value)) {
    return <>{value.map((r) => roleLabels[r as Role]?.[language] ?? String(r)).join('、')}</>;
  }
  if (typeof value === 'string') return <>{ISO_INSTANT.test(value) ? formatDateTimeSeconds(value) : value}</>;
  if (typeof value === 'number') return <>{value}</>;
  return <pre className="sht-diff__json">{JSON.stringify(value, null, 2)}</pre>;
}

/** Before/after of one audit entry; by default only the fields that changed. */
export function AuditDiff({ entityType, before, after }: { entityType: string; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffSnapshots(before, after);
  const changedCount = rows.filter((r) => r.changed).length;
  const isUpdate = before !== null && after !== null;
  const [showAll, setShowAll] = useState(!isUpdate || changedCount === 0);
  const visible = showAll ? rows : rows.filter((r) => r.changed);

  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.diff.noChanges')} />;

  return (
    <div className="sht-diff" data-testid="audit-diff">
      {isUpdate && (
        <Flex align="center" gap={8} style={{ marginBottom: 8 }}>
          <Switch size="small" checked={showAll} onChange={setShowAll} data-testid="audit-diff-show-all" />
          <Typography.Text type="secondary">{t('audit.diff.showUnchanged', { count: changedCount })}</Typography.Text>
        </Flex>
      )}
      <Table<DiffRow>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={visible}
        scroll={{ x: 'max-content' }}
        rowClassName={(row) => (row.changed ? 'sht-diff__row--changed' : '')}
        columns={[
          { title: t('audit.diff.field'), key: 'field', width: 160, render: (_, row) => fieldLabel(entityType, row.field) },
          {
            title: t('audit.diff.before'),
            key: 'before',
            className: 'sht-diff__before',
            render: (_, row) => <Value field={row.field} value={row.before} />,
          },
          {
            title: t('audit.diff.after'),
            key: 'after',
            className: 'sht-diff__after',
            render: (_, row) => <Value field={row.field} value={row.after} />,
          },
        ]}
      />
    </div>
  );
}
