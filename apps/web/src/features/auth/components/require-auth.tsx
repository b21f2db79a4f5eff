import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../../app/layout/full-page-spin';
import { SessionContext, useMeQuery } from '../hooks/use-me';

export const CHANGE_PASSWORD_PATH = '/change-password';

/** Gate for every signed-in page: no session → login; a forced password change comes first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me, isPending, isError, error, refetch } = useMeQuery();

  if (isPending) return <FullPageSpin />;
  if (isError) {
    return (
      <Result
        status="error"
        title={t('errors.loadFailed')}
        subTitle={error.message}
        extra={<Button onClick={() => void refetch()}>{t('errors.reload')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <SessionContext.Provider value={me}>{children}</SessionContext.Provider>;
}
