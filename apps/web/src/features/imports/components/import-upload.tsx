import { useRef, useState } from 'react';
import { Alert, Progress, Upload, type UploadProps } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ImportKind, ImportPreview } from '@sht/domain';
import { useLanguage } from '../../../shared/use-language';
import { useSession } from '../../auth/hooks/use-me';
import { useImportJob } from '../hooks/use-imports';
import { importsApi, newImportToken } from '../imports.api';

// The server answers a refused file with { code, message }; anything else reads as unknown.
function reasonOf(response: unknown, fallback: string): string {
  const message = typeof response === 'object' && response !== null ? (response as { message?: unknown }).message : undefined;
  return typeof message === 'string' && message ? message : fallback;
}

/** Uploads one .xlsx for a preview, with a progress bar while it uploads and while the server checks its rows. */
export function ImportUpload({ kind, onPreview }: { kind: ImportKind; onPreview: (preview: ImportPreview) => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const language = useLanguage();
  const [percent, setPercent] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const token = useRef(newImportToken());
  // Once the bytes are sent the server reads and checks the file: its job counts the checked rows.
  const job = useImportJob(percent === 100 ? token.current : null, percent === 100);
  const checking = job.data?.status === 'checking' ? job.data : null;

  const props: UploadProps = {
    name: 'file',
    action: () => importsApi.previewUrl(kind, token.current),
    beforeUpload: () => {
      token.current = newImportToken();
      return true;
    },
    accept: '.xlsx',
    headers: { 'x-csrf-token': me.csrfToken ?? '', 'Accept-Language': language },
    withCredentials: true,
    multiple: false,
    showUploadList: false,
    disabled: percent !== null,
    onChange: ({ file }) => {
      if (file.status === 'uploading') {
        setError(null);
        setPercent(Math.round(file.percent ?? 0));
      }
      if (file.status === 'done') {
        setPercent(null);
        onPreview(file.response as ImportPreview);
      }
      if (file.status === 'error') {
        setPercent(null);
        setError(t('imports.uploadFailed', { reason: reasonOf(file.response, t('common.unknownError')) }));
      }
    },
  };

  return (
    <div data-testid="import-upload">
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload')}</p>
        <p className="ant-upload-hint">{t('imports.uploadHint')}</p>
      </Upload.Dragger>
      {percent !== null && (
        <Progress
          percent={checking ? Math.round((checking.processed / Math.max(checking.total, 1)) * 100) : percent}
          status="active"
          format={() =>
            percent < 100 ? t('imports.uploading', { percent }) : checking ? t('imports.checkingRows', { processed: checking.processed, total: checking.total }) : t('imports.checking')}
          data-testid="import-progress"
        />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="import-upload-error" />}
    </div>
  );
}
