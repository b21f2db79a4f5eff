import { useState } from 'react';
import { Alert, Button, Card, Space, Statistic, Switch, Table, Tag, Tooltip, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportMode, ImportPreview } from '@sht/domain';
import { testId } from '../../../shared/test-id';

type PreviewLine = { key: string; row: number; column: string; reason: string; outcome: 'error' | 'update' };

/** Row problems (and the rows that update existing records) of a preview, sorted by row. */
function linesOf(preview: ImportPreview, errorsOnly: boolean, updateText: string): PreviewLine[] {
  const errors = preview.errors.map((e, i): PreviewLine => ({ key: `e${i}`, ...e, outcome: 'error' }));
  const updates = errorsOnly ? [] : preview.updateRows.map((row): PreviewLine => ({ key: `u${row}`, row, column: '', reason: updateText, outcome: 'update' }));
  return [...errors, ...updates].sort((a, b) => a.row - b.row);
}

type Props = { preview: ImportPreview; isCommitting: boolean; onCommit: (mode: ImportMode) => void };

/** What a file would do: counts, the rows with errors (row, column, reason) and the two ways to commit. */
export function ImportPreviewCard({ preview, isCommitting, onCommit }: Props) {
  const { t } = useTranslation();
  const [errorsOnly, setErrorsOnly] = useState(false);
  const lines = linesOf(preview, errorsOnly, t('imports.outcome.update'));
  const hasErrors = preview.errorCount > 0;

  const columns: TableProps<PreviewLine>['columns'] = [
    { title: t('imports.columns.row'), dataIndex: 'row', width: 80 },
    { title: t('imports.columns.column'), dataIndex: 'column', width: 140 },
    { title: t('imports.columns.reason'), dataIndex: 'reason' },
    {
      title: t('imports.columns.outcome'),
      key: 'outcome',
      width: 140,
      render: (_, l) => <Tag color={l.outcome === 'error' ? 'red' : 'blue'}>{t(`imports.outcome.${l.outcome}`)}</Tag>,
    },
  ];

  const commitAll = (
    <Button type="primary" disabled={hasErrors} loading={isCommitting} onClick={() => onCommit('all-or-nothing')} data-testid="import-commit-all">
      {t('imports.commitAll')}
    </Button>
  );

  return (
    <Card size="small" data-testid="import-preview">
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Statistic title={t('imports.stats.rows')} value={preview.rows} {...testId('import-stat-rows')} />
        <Statistic title={t('imports.stats.valid')} value={preview.valid} {...testId('import-stat-valid')} />
        <Statistic title={t('imports.stats.errors')} value={preview.errorCount} styles={{ content: hasErrors ? { color: '#cf1322' } : {} }} {...testId('import-stat-errors')} />
        <Statistic title={t('imports.stats.create')} value={preview.willCreate} />
        <Statistic title={t('imports.stats.update')} value={preview.willUpdate} />
      </Space>
      {preview.errorCount > preview.errors.length && (
        <Alert type="warning" showIcon title={t('imports.moreErrors', { shown: preview.errors.length, count: preview.errorCount })} style={{ marginBottom: 12 }} />
      )}
      {!hasErrors && <Alert type="success" showIcon title={t('imports.noProblems')} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Switch checked={errorsOnly} onChange={setErrorsOnly} data-testid="import-errors-only" />
        {t('imports.errorsOnly')}
      </Space>
      <Table<PreviewLine>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={lines}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 560 }}
        onRow={(l) => testId(`import-line-${l.outcome}`)}
        data-testid="import-lines"
      />
      <Space wrap style={{ marginTop: 16 }}>
        {hasErrors ? <Tooltip title={t('imports.commitAllBlocked')}>{commitAll}</Tooltip> : commitAll}
        <Button disabled={preview.valid === 0} loading={isCommitting} onClick={() => onCommit('valid-only')} data-testid="import-commit-valid">
          {t('imports.commitValid')}
        </Button>
      </Space>
    </Card>
  );
}
