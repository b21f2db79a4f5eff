import { useState } from 'react';
import { Alert, App, Button, Card, Image, Select, Space, Table, Tag, Typography, Upload, type TableProps, type UploadFile, type UploadProps } from 'antd';
import { FileOutlined, FilePdfOutlined, UploadOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { acceptFor, isImageType, type Attachment, type AttachmentOwnerType, type AttachmentPurpose } from '@sht/domain';
import { toApiError } from '../../../api/api-error';
import { ConfirmLink } from '../../../shared/confirm-link';
import { formatDateTime } from '../../../shared/format';
import { useLanguage } from '../../../shared/use-language';
import { useRunAction } from '../../../shared/use-run-action';
import { useSession } from '../../auth/hooks/use-me';
import { attachmentsApi } from '../attachments.api';
import { formatBytes, purposeMaxBytes, purposeTypeNames, uploadErrorMessage } from '../attachments.utils';
import { attachmentKeys, useAttachmentLimits, useAttachments, useDeleteAttachment } from '../hooks/use-attachments';

type Props = {
  ownerType: AttachmentOwnerType;
  ownerId: string;
  /** The kinds of file this card takes and shows; the first is preselected for uploads. */
  purposes: readonly [AttachmentPurpose, ...AttachmentPurpose[]];
  /** Upload and delete (the server checks the same permission). */
  canWrite: boolean;
  title?: string;
};

function Thumbnail({ a, previewLabel }: { a: Attachment; previewLabel: string }) {
  const url = attachmentsApi.contentUrl(a.id);
  if (isImageType(a.contentType)) {
    return <Image src={url} alt={a.fileName} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 4 }} data-testid="attachment-thumbnail" />;
  }
  const icon = a.contentType === 'application/pdf' ? <FilePdfOutlined /> : a.contentType.startsWith('video/') ? <VideoCameraOutlined /> : <FileOutlined />;
  // PDFs and videos open in the browser's own viewer in a new tab.
  return (
    <Button href={url} target="_blank" rel="noopener" icon={icon} size="large" type="text" aria-label={previewLabel} data-testid="attachment-open" />
  );
}

/** Files of one record: list with previews and downloads; upload with progress and delete when allowed. */
export function AttachmentsCard({ ownerType, ownerId, purposes, canWrite, title }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const language = useLanguage();
  const run = useRunAction();
  const queryClient = useQueryClient();
  const list = useAttachments(ownerType, ownerId);
  const limits = useAttachmentLimits();
  const remove = useDeleteAttachment(ownerType, ownerId);
  const [purpose, setPurpose] = useState<AttachmentPurpose>(purposes[0]);
  const [uploads, setUploads] = useState<UploadFile[]>([]);
  const maxBytes = purposeMaxBytes(purpose, limits.data);
  const shown = (list.data?.items ?? []).filter((a) => purposes.includes(a.purpose));

  const failure = (f: UploadFile) => (typeof f.response === 'string' ? f.response : uploadErrorMessage(f.response, t('common.unknownError')));

  const uploadProps: UploadProps = {
    action: attachmentsApi.uploadUrl,
    name: 'file',
    data: { ownerType, ownerId, purpose }, // sent before the file, as the server requires
    headers: { 'x-csrf-token': me.csrfToken ?? '', 'Accept-Language': language },
    withCredentials: true,
    accept: acceptFor([purpose]),
    multiple: true,
    fileList: uploads,
    beforeUpload: (file) => {
      if (maxBytes !== undefined && file.size > maxBytes) {
        message.error(t('attachments.uploadFailed', { name: file.name, reason: t('attachments.tooLarge', { max: formatBytes(maxBytes) }) }));
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    onChange: ({ file, fileList }) => {
      if (file.status === 'done') {
        message.success(t('attachments.uploaded', { name: file.name }));
        void queryClient.invalidateQueries({ queryKey: attachmentKeys.owner(ownerType, ownerId) });
      }
      if (file.status === 'error') message.error(t('attachments.uploadFailed', { name: file.name, reason: failure(file) }));
      // Finished uploads show in the table; failed ones stay listed (red) with the server's reason.
      setUploads(fileList.filter((f) => f.status !== 'done').map((f) => (f.status === 'error' ? { ...f, response: failure(f) } : f)));
    },
  };

  const columns: TableProps<Attachment>['columns'] = [
    { title: t('attachments.preview'), key: 'preview', width: 72, render: (_, a) => <Thumbnail a={a} previewLabel={t('attachments.preview')} /> },
    {
      title: t('attachments.fileName'),
      key: 'fileName',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <Typography.Link href={attachmentsApi.contentUrl(a.id, true)} download={a.fileName} data-testid="attachment-download">
            {a.fileName}
          </Typography.Link>
          {purposes.length > 1 && <Tag>{t(`attachments.purposes.${a.purpose}`)}</Tag>}
        </Space>
      ),
    },
    { title: t('attachments.size'), key: 'size', render: (_, a) => formatBytes(a.sizeBytes) },
    {
      title: t('attachments.uploadedAt'),
      key: 'uploadedAt',
      render: (_, a) => (
        <Space orientation="vertical" size={0}>
          <span>{formatDateTime(a.uploadedAt)}</span>
          <Typography.Text type="secondary">{a.uploadedByName}</Typography.Text>
        </Space>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, a) => (
        <ConfirmLink
          title={t('attachments.deleteConfirm', { name: a.fileName })}
          onConfirm={() => run(remove.mutateAsync(a.id), t('attachments.deleted'))}
          danger
          data-testid="attachment-delete"
        >
          {t('attachments.delete')}
        </ConfirmLink>
      ),
    });
  }

  return (
    <Card title={title ?? t('attachments.title')} data-testid="attachments-card">
      {canWrite && (
        <div style={{ marginBottom: 12 }}>
          <Space wrap>
            {purposes.length > 1 && (
              <Select<AttachmentPurpose>
                value={purpose}
                onChange={setPurpose}
                options={purposes.map((p) => ({ value: p, label: t(`attachments.purposes.${p}`) }))}
                style={{ minWidth: 120 }}
                aria-label={t('attachments.purpose')}
                data-testid="attachment-purpose"
              />
            )}
            <Upload {...uploadProps} data-testid="attachment-upload">
              <Button icon={<UploadOutlined />} data-testid="attachment-upload-button">
                {t('attachments.upload')}
              </Button>
            </Upload>
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t('attachments.hint', { types: purposeTypeNames(purpose), max: maxBytes === undefined ? '…' : formatBytes(maxBytes) })}
          </Typography.Paragraph>
        </div>
      )}
      {list.isError && <Alert type="error" showIcon title={toApiError(list.error, t('common.networkError')).message} style={{ marginBottom: 12 }} />}
      <Image.PreviewGroup>
        <Table<Attachment>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={list.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('attachments.empty') }}
          data-testid="attachments-table"
        />
      </Image.PreviewGroup>
    </Card>
  );
}
