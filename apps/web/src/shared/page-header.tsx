import type { ReactNode } from 'react';
import { Space, Typography } from 'antd';

export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="sht-page-header">
      <Typography.Title level={4}>{title}</Typography.Title>
      {extra && <Space wrap>{extra}</Space>}
    </div>
  );
}
