import { useState } from 'react';
import { Button, Card, Table, Tag, Typography, type TableProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@sht/domain';
import { ConfirmLink } from '../../../shared/confirm-link';
import { formatDateTime } from '../../../shared/format';
import { useRunAction } from '../../../shared/use-run-action';
import { useApiTokenMutations, useApiTokens } from '../hooks/use-account';
import { CreateTokenModal } from './create-token-modal';

export function ApiTokensCard() {
  const { t } = useTranslation();
  const run = useRunAction();
  const tokens = useApiTokens();
  const { revoke } = useApiTokenMutations();
  const [creating, setCreating] = useState(false);

  const columns: TableProps<ApiToken>['columns'] = [
    { title: t('account.tokens.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('account.tokens.prefix'),
      key: 'prefix',
      render: (_, tk) => <Typography.Text code>{tk.prefix}…</Typography.Text>,
    },
    { title: t('account.tokens.createdAt'), key: 'createdAt', render: (_, tk) => formatDateTime(tk.createdAt) },
    {
      title: t('account.tokens.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_, tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('account.tokens.neverUsed')),
    },
    {
      title: t('account.tokens.expiresAt'),
      key: 'expiresAt',
      render: (_, tk) => {
        if (!tk.expiresAt) return t('account.tokens.never');
        const expired = dayjs(tk.expiresAt).isBefore(dayjs());
        return (
          <>
            {formatDateTime(tk.expiresAt)} {expired && <Tag color="red">{t('account.tokens.expired')}</Tag>}
          </>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, tk) => (
        <ConfirmLink
          title={t('account.tokens.revokeConfirm', { name: tk.name })}
          onConfirm={() => run(revoke.mutateAsync(tk.id), t('account.tokens.revoked'))}
          danger
          data-testid="token-revoke"
        >
          {t('account.tokens.revoke')}
        </ConfirmLink>
      ),
    },
  ];

  return (
    <Card
      title={t('account.tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('account.tokens.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('account.tokens.hint')}</Typography.Paragraph>
      <Table<ApiToken>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tokens.data}
        loading={tokens.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="tokens-table"
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
