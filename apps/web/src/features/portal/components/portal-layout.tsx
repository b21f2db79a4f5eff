import { Suspense } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Button, Skeleton } from 'antd';
import { LogoutOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from '../../../app/layout/full-page-spin';
import { LanguageSwitch } from '../../../app/layout/language-switch';
import { usePortalLogout, usePortalMe } from '../hooks/use-portal';
import '../portal.css';

/** The portal's frame: only for a customer logged in by phone; staff logins do not count here. */
export function PortalLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = usePortalMe();
  const logout = usePortalLogout();
  if (me.isPending) return <FullPageSpin />;
  if (!me.data) return <Navigate to="/portal/login" replace state={{ from: location.pathname }} />;
  const names = me.data.customers.map((c) => c.name).join('、');
  return (
    <div className="sht-portal">
      <header className="sht-portal__bar">
        <div className="sht-portal__brand" data-testid="portal-customer">{names}</div>
        <LanguageSwitch />
        <Button
          type="text"
          icon={<LogoutOutlined />}
          aria-label={t('portal.logout')}
          data-testid="portal-logout"
          onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/portal/login', { replace: true }) })}
        />
      </header>
      <main className="sht-portal__main">
        <Suspense fallback={<Skeleton active />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
