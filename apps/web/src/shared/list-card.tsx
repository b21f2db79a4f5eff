import type { ReactNode } from 'react';
import { Button, Card } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './use-is-mobile';

/** The card around a list page's table: a wrapping row of filters, then the table. */
export function ListCard({ filters, children }: { filters: ReactNode; children: ReactNode }) {
  const isMobile = useIsMobile();
  return (
    <Card size="small" styles={{ body: { padding: isMobile ? 8 : 16 } }}>
      <div className="sht-filters">{filters}</div>
      {children}
    </Card>
  );
}

export function RefreshButton({ onRefresh }: { onRefresh: () => void }) {
  const { t } = useTranslation();
  return <Button icon={<ReloadOutlined />} onClick={onRefresh} aria-label={t('common.refresh')} />;
}
