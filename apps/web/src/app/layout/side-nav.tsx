import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Menu } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  CarOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DashboardOutlined,
  IdcardOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ToolOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@sht/domain';
import { useCan } from '../../features/auth/hooks/use-me';

type NavKey = 'dashboard' | 'customers' | 'equipment' | 'orgs' | 'users' | 'audit' | 'account' | 'calendars' | 'imports' | 'work-orders' | 'my-jobs' | 'service-policies' | 'technicians';

const navItems: { key: NavKey; icon: ReactNode; permission?: Permission }[] = [
  { key: 'dashboard', icon: <DashboardOutlined /> },
  { key: 'work-orders', icon: <ProfileOutlined />, permission: 'workorder.read' },
  { key: 'my-jobs', icon: <CarOutlined />, permission: 'workorder.field' },
  { key: 'customers', icon: <ContactsOutlined />, permission: 'customer.read' },
  { key: 'equipment', icon: <ToolOutlined />, permission: 'equipment.read' },
  { key: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
  { key: 'users', icon: <TeamOutlined />, permission: 'user.read' },
  { key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
  { key: 'calendars', icon: <CalendarOutlined />, permission: 'calendar.read' },
  { key: 'technicians', icon: <IdcardOutlined />, permission: 'workorder.dispatch' },
  { key: 'service-policies', icon: <SafetyCertificateOutlined />, permission: 'sla.write' },
  { key: 'imports', icon: <UploadOutlined />, permission: 'equipment.write' },
  { key: 'account', icon: <UserOutlined /> },
];

/** The menu shows only what the user's roles allow; the routes check the same permission. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const location = useLocation();
  const selected = location.pathname.split('/')[1] ?? 'dashboard';

  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      onClick={onNavigate}
      style={{ borderInlineEnd: 'none' }}
      items={navItems
        .filter((item) => !item.permission || can(item.permission))
        .map((item) => ({
          key: item.key,
          icon: item.icon,
          label: (
            <Link to={`/${item.key}`} data-testid={`nav-${item.key}`}>
              {t(`nav.${item.key}`)}
            </Link>
          ),
        }))}
    />
  );
}
