import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import type { Permission } from '@sht/domain';
import { RequireAuth, CHANGE_PASSWORD_PATH } from '../features/auth/components/require-auth';
import { RequirePermission } from '../features/auth/components/require-permission';
import { AppLayout } from './layout/app-layout';
import { FullPageSpin } from './layout/full-page-spin';
import { NotFound, RouteError } from './route-error';

// Each page is its own chunk; named exports are adapted to what React.lazy expects.
function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = lazyPage(() => import('../features/auth/pages/login-page'), 'LoginPage');
const ForcedPasswordPage = lazyPage(() => import('../features/account/pages/forced-password-page'), 'ForcedPasswordPage');
const DashboardPage = lazyPage(() => import('../features/dashboard/pages/dashboard-page'), 'DashboardPage');
const CustomersPage = lazyPage(() => import('../features/customers/pages/customers-page'), 'CustomersPage');
const CustomerPage = lazyPage(() => import('../features/customers/pages/customer-page'), 'CustomerPage');
const OrgsPage = lazyPage(() => import('../features/orgs/pages/orgs-page'), 'OrgsPage');
const UsersPage = lazyPage(() => import('../features/users/pages/users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/audit-page'), 'AuditPage');
const AccountPage = lazyPage(() => import('../features/account/pages/account-page'), 'AccountPage');

function Standalone({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: '/login', element: <Standalone><LoginPage /></Standalone> },
        {
          path: CHANGE_PASSWORD_PATH,
          element: (
            <RequireAuth>
              <Standalone><ForcedPasswordPage /></Standalone>
            </RequireAuth>
          ),
        },
        {
          path: '/',
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Navigate to="/dashboard" replace /> },
            { path: 'dashboard', element: <DashboardPage /> },
            { path: 'customers', element: guarded('customer.read', <CustomersPage />) },
            { path: 'customers/:id', element: guarded('customer.read', <CustomerPage />) },
            { path: 'orgs', element: guarded('org.read', <OrgsPage />) },
            { path: 'users', element: guarded('user.read', <UsersPage />) },
            { path: 'audit', element: guarded('audit.read', <AuditPage />) },
            { path: 'account', element: <AccountPage /> },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
