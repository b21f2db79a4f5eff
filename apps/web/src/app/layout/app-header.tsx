import { Button, Flex, Space, Tooltip, Typography } from 'antd';
import { LogoutOutlined, MenuOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useSession } from '../../features/auth/hooks/use-me';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from '../../features/notifications/components/notification-bell';

export function AppHeader({ isMobile, onOpenMenu }: { isMobile: boolean; onOpenMenu: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const logout = useLogout();

  const onLogout = () => logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });

  return (
    <Flex align="center" justify="space-between" gap={8} style={{ height: '100%' }}>
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {isMobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            onClick={onOpenMenu}
            aria-label={t('nav.menu')}
            data-testid="nav-menu-button"
          />
        )}
        {isMobile && <Typography.Text strong>{t('common.appName')}</Typography.Text>}
      </Flex>
      <Space size={isMobile ? 8 : 16}>
        {!isMobile && (
          <span data-testid="header-user">
            <Typography.Text strong data-testid="header-user-name">{me.name}</Typography.Text>
            <Typography.Text type="secondary" data-testid="header-org-name">{` · ${me.orgName}`}</Typography.Text>
          </span>
        )}
        <NotificationBell />
        <LanguageSwitch />
        <Tooltip title={t('header.logout')}>
          <Button
            type={isMobile ? 'text' : 'default'}
            icon={<LogoutOutlined />}
            onClick={onLogout}
            loading={logout.isPending}
            data-testid="logout"
          >
            {isMobile ? null : t('header.logout')}
          </Button>
        </Tooltip>
      </Space>
    </Flex>
  );
}
