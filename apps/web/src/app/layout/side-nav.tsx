import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { Menu, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CarOutlined,
  CalendarOutlined,
  ContactsOutlined,
  DashboardOutlined,
  HeartOutlined,
  IdcardOutlined,
  PhoneOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ToolOutlined,
  TeamOutlined,
  UploadOutlined,
  UserOutlined,
  SmileOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@sht/domain';
import { useCan } from '../../features/auth/hooks/use-me';

type NavKey = 'dashboard' | 'customers' | 'equipment' | 'orgs' | 'users' | 'audit' | 'account' | 'calendars' | 'imports' | 'work-orders' | 'my-jobs' | 'service-policies' | 'technicians' | 'callbacks' | 'recovery-cases' | 'callback-settings' | 'surveys' | 'survey-analysis';

type NavItem = { key: NavKey; icon: ReactNode; permission?: Permission };
type NavGroup = { key: 'service' | 'feedback' | 'archive' | 'admin' | null; items: NavItem[] };

// Grouped by the job at hand: the day's service work, customer feedback, the archives, and the
// settings that HQ and managers keep. A group the user can see nothing of is left out.
const navGroups: NavGroup[] = [
  { key: null, items: [{ key: 'dashboard', icon: <DashboardOutlined /> }] },
  {
    key: 'service',
    items: [
      { key: 'work-orders', icon: <ProfileOutlined />, permission: 'workorder.read' },
      { key: 'my-jobs', icon: <CarOutlined />, permission: 'workorder.field' },
      { key: 'callbacks', icon: <PhoneOutlined />, permission: 'callback.read' },
      { key: 'recovery-cases', icon: <HeartOutlined />, permission: 'callback.read' },
    ],
  },
  {
    key: 'feedback',
    items: [
      { key: 'surveys', icon: <SmileOutlined />, permission: 'survey.read' },
      { key: 'survey-analysis', icon: <BarChartOutlined />, permission: 'survey.read' },
    ],
  },
  {
    key: 'archive',
    items: [
      { key: 'customers', icon: <ContactsOutlined />, permission: 'customer.read' },
      { key: 'equipment', icon: <ToolOutlined />, permission: 'equipment.read' },
      { key: 'imports', icon: <UploadOutlined />, permission: 'equipment.write' },
    ],
  },
  {
    key: 'admin',
    items: [
      { key: 'orgs', icon: <ApartmentOutlined />, permission: 'org.read' },
      { key: 'users', icon: <TeamOutlined />, permission: 'user.read' },
      { key: 'technicians', icon: <IdcardOutlined />, permission: 'workorder.dispatch' },
      { key: 'service-policies', icon: <SafetyCertificateOutlined />, permission: 'sla.write' },
      { key: 'callback-settings', icon: <SettingOutlined />, permission: 'survey.write' },
      { key: 'calendars', icon: <CalendarOutlined />, permission: 'calendar.read' },
      { key: 'audit', icon: <AuditOutlined />, permission: 'audit.read' },
    ],
  },
  { key: null, items: [{ key: 'account', icon: <UserOutlined /> }] },
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
      items={navGroups.flatMap((group, index): MenuProps['items'] & object => {
        const items = group.items
          .filter((item) => !item.permission || can(item.permission))
          .map((item) => ({
            key: item.key,
            icon: item.icon,
            label: (
              <Link to={`/${item.key}`} data-testid={`nav-${item.key}`}>
                {t(`nav.${item.key}`)}
              </Link>
            ),
          }));
        if (items.length === 0) return [];
        if (group.key === null) return items;
        return [{ type: 'group' as const, key: `group-${group.key}-${index}`, label: t(`nav.groups.${group.key}`), children: items }];
      })}
    />
  );
}
