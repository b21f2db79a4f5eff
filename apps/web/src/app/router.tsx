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
const EquipmentListPage = lazyPage(() => import('../features/equipment/pages/equipment-list-page'), 'EquipmentListPage');
const PublicWarrantyPage = lazyPage(() => import('../features/equipment/pages/public-warranty-page'), 'PublicWarrantyPage');
const EquipmentPage = lazyPage(() => import('../features/equipment/pages/equipment-page'), 'EquipmentPage');
const OrgsPage = lazyPage(() => import('../features/orgs/pages/orgs-page'), 'OrgsPage');
const UsersPage = lazyPage(() => import('../features/users/pages/users-page'), 'UsersPage');
const AuditPage = lazyPage(() => import('../features/audit/pages/audit-page'), 'AuditPage');
const CalendarsPage = lazyPage(() => import('../features/calendars/pages/calendars-page'), 'CalendarsPage');
const ImportsPage = lazyPage(() => import('../features/imports/pages/imports-page'), 'ImportsPage');
const PoliciesPage = lazyPage(() => import('../features/policies/pages/policies-page'), 'PoliciesPage');
const TechniciansPage = lazyPage(() => import('../features/technicians/pages/technicians-page'), 'TechniciansPage');
const WorkOrdersPage = lazyPage(() => import('../features/workorders/pages/work-orders-page'), 'WorkOrdersPage');
const WorkOrderNewPage = lazyPage(() => import('../features/workorders/pages/work-order-new-page'), 'WorkOrderNewPage');
const WorkOrderPage = lazyPage(() => import('../features/workorders/pages/work-order-page'), 'WorkOrderPage');
const MyJobsPage = lazyPage(() => import('../features/workorders/pages/my-jobs-page'), 'MyJobsPage');
const AccountPage = lazyPage(() => import('../features/account/pages/account-page'), 'AccountPage');
const InboxPage = lazyPage(() => import('../features/notifications/pages/inbox-page'), 'InboxPage');
const CallbacksPage = lazyPage(() => import('../features/callbacks/pages/callbacks-page'), 'CallbacksPage');
const CallbackPage = lazyPage(() => import('../features/callbacks/pages/callback-page'), 'CallbackPage');
const RecoveryCasesPage = lazyPage(() => import('../features/callbacks/pages/recovery-cases-page'), 'RecoveryCasesPage');
const CallbackStatsPage = lazyPage(() => import('../features/callbacks/pages/callback-stats-page'), 'CallbackStatsPage');
const CallbackSettingsPage = lazyPage(() => import('../features/callbacks/pages/callback-settings-page'), 'CallbackSettingsPage');
const PortalLayout = lazyPage(() => import('../features/portal/components/portal-layout'), 'PortalLayout');
const PortalLoginPage = lazyPage(() => import('../features/portal/pages/portal-login-page'), 'PortalLoginPage');
const PortalOrdersPage = lazyPage(() => import('../features/portal/pages/portal-orders-page'), 'PortalOrdersPage');
const PortalOrderPage = lazyPage(() => import('../features/portal/pages/portal-order-page'), 'PortalOrderPage');
const PortalNewOrderPage = lazyPage(() => import('../features/portal/pages/portal-new-order-page'), 'PortalNewOrderPage');
const SurveyCampaignsPage = lazyPage(() => import('../features/surveys/pages/survey-campaigns-page'), 'SurveyCampaignsPage');
const SurveyCampaignPage = lazyPage(() => import('../features/surveys/pages/survey-campaign-page'), 'SurveyCampaignPage');
const SurveyTemplatesPage = lazyPage(() => import('../features/surveys/pages/survey-templates-page'), 'SurveyTemplatesPage');
const SurveyTemplatePage = lazyPage(() => import('../features/surveys/pages/survey-template-page'), 'SurveyTemplatePage');
const SurveyResponsePage = lazyPage(() => import('../features/surveys/pages/survey-response-page'), 'SurveyResponsePage');
const PublicSurveyPage = lazyPage(() => import('../features/surveys/pages/public-survey-page'), 'PublicSurveyPage');
const SurveyAnalysisPage = lazyPage(() => import('../features/survey-analysis/pages/survey-analysis-page'), 'SurveyAnalysisPage');

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
        { path: '/warranty', element: <Standalone><PublicWarrantyPage /></Standalone> },
        // 满意度调查 by a personal link: no login, the signed token is the credential.
        { path: '/s/:token', element: <Standalone><PublicSurveyPage /></Standalone> },
        // 客户门户: customers log in by phone; outside the staff RequireAuth layout.
        { path: '/portal/login', element: <Standalone><PortalLoginPage /></Standalone> },
        {
          path: '/portal',
          element: <Standalone><PortalLayout /></Standalone>,
          children: [
            { index: true, element: <PortalOrdersPage /> },
            { path: 'orders/:id', element: <PortalOrderPage /> },
            { path: 'new', element: <PortalNewOrderPage /> },
            { path: '*', element: <NotFound /> },
          ],
        },
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
            { path: 'equipment', element: guarded('equipment.read', <EquipmentListPage />) },
            { path: 'equipment/:id', element: guarded('equipment.read', <EquipmentPage />) },
            { path: 'orgs', element: guarded('org.read', <OrgsPage />) },
            { path: 'users', element: guarded('user.read', <UsersPage />) },
            { path: 'audit', element: guarded('audit.read', <AuditPage />) },
            { path: 'calendars', element: guarded('calendar.read', <CalendarsPage />) },
            { path: 'imports', element: guarded('equipment.write', <ImportsPage />) },
            { path: 'work-orders', element: guarded('workorder.read', <WorkOrdersPage />) },
            { path: 'service-policies', element: guarded('sla.write', <PoliciesPage />) },
            { path: 'technicians', element: guarded('workorder.dispatch', <TechniciansPage />) },
            { path: 'work-orders/new', element: guarded('workorder.write', <WorkOrderNewPage />) },
            { path: 'work-orders/:id', element: guarded('workorder.read', <WorkOrderPage />) },
            { path: 'my-jobs', element: guarded('workorder.field', <MyJobsPage />) },
            { path: 'callbacks', element: guarded('callback.read', <CallbacksPage />) },
            { path: 'callbacks/:id', element: guarded('callback.read', <CallbackPage />) },
            { path: 'recovery-cases', element: guarded('callback.read', <RecoveryCasesPage />) },
            { path: 'callback-stats', element: guarded('callback.read', <CallbackStatsPage />) },
            { path: 'callback-settings', element: guarded('survey.write', <CallbackSettingsPage />) },
            { path: 'account', element: <AccountPage /> },
            { path: 'surveys', element: guarded('survey.read', <SurveyCampaignsPage />) },
            { path: 'surveys/campaigns/:id', element: guarded('survey.read', <SurveyCampaignPage />) },
            { path: 'surveys/templates', element: guarded('survey.read', <SurveyTemplatesPage />) },
            { path: 'surveys/templates/:id', element: guarded('survey.read', <SurveyTemplatePage />) },
            { path: 'surveys/responses/:id', element: guarded('survey.read', <SurveyResponsePage />) },
            { path: 'survey-analysis', element: guarded('survey.read', <SurveyAnalysisPage />) },
            { path: 'inbox', element: <InboxPage /> },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ]);
}
