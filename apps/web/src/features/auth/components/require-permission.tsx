import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@sht/domain';
import { useCan } from '../hooks/use-me';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('errors.forbiddenTitle')}
      subTitle={t('errors.forbidden')}
      extra={
        <Link to="/dashboard">
          <Button type="primary">{t('errors.backHome')}</Button>
        </Link>
      }
    />
  );
}
