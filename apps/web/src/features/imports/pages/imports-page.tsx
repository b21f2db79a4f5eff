import { useState } from 'react';
import { Alert, Button, Card, Progress, Radio, Result, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { importKinds, type ImportJob, type ImportKind, type ImportMode, type ImportPreview } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { PageHeader } from '../../../shared/page-header';
import { useCan } from '../../auth/hooks/use-me';
import { ImportPreviewCard } from '../components/import-preview';
import { ImportUpload } from '../components/import-upload';
import { useCommitImport, useImportJob } from '../hooks/use-imports';
import { importsApi } from '../imports.api';

const permissionOf = { customers: 'customer.write', equipment: 'equipment.write' } as const;

/** Spreadsheet import: choose what, get the template, upload, read the preview, commit, see the result. */
export function ImportsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const kinds = importKinds.filter((k) => can(permissionOf[k]));
  const [kind, setKind] = useState<ImportKind>(kinds.includes('equipment') ? 'equipment' : (kinds[0] ?? 'equipment'));
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportJob | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const commit = useCommitImport();
  const job = useImportJob(preview?.token ?? null, commit.isPending);

  const reset = () => {
    setPreview(null);
    setResult(null);
    setFailure(null);
    commit.reset();
  };
  const run = (mode: ImportMode) => {
    if (!preview) return;
    setFailure(null);
    commit.mutate({ token: preview.token, mode }, {
      onSuccess: setResult,
      onError: (err) => setFailure(toApiError(err, t('common.networkError')).message),
    });
  };
  const processed = job.data?.processed ?? 0;
  const valid = preview?.valid ?? 0;

  return (
    <>
      <PageHeader title={t('imports.title')} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap align="center">
          <Typography.Text>{t('imports.kindLabel')}</Typography.Text>
          <Radio.Group value={kind} optionType="button" onChange={(e) => { setKind(e.target.value as ImportKind); reset(); }} disabled={commit.isPending}>
            {kinds.map((k) => (
              <Radio.Button key={k} value={k} data-testid={`import-kind-${k}`}>
                {t(`imports.kind.${k}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
          <Button icon={<DownloadOutlined />} href={importsApi.templateUrl(kind)} download data-testid="import-template">
            {t('imports.template')}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{t('imports.templateHint')}</Typography.Paragraph>
      </Card>
      {result ? (
        <Result
          status="success"
          title={t('imports.result', { created: result.created, updated: result.updated, skipped: result.total - result.processed })}
          extra={<Button type="primary" onClick={reset} data-testid="import-again">{t('imports.again')}</Button>}
          data-testid="import-result"
        />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {!preview && <ImportUpload kind={kind} onPreview={setPreview} />}
          {commit.isPending && (
            <Progress
              percent={valid > 0 ? Math.min(99, Math.round((processed / valid) * 100)) : 0}
              status="active"
              format={() => t('imports.committing', { processed, valid })}
              data-testid="import-commit-progress"
            />
          )}
          {failure && <Alert type="error" showIcon title={failure} data-testid="import-failure" />}
          {preview && (
            <>
              <ImportPreviewCard preview={preview} isCommitting={commit.isPending} onCommit={run} />
              <Button onClick={reset} disabled={commit.isPending} data-testid="import-reupload">{t('imports.again')}</Button>
            </>
          )}
        </Space>
      )}
    </>
  );
}
