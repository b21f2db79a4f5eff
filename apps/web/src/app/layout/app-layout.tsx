import { Suspense, useState } from 'react';
import { Outlet } from 'react-router';
import { Drawer, Layout, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../features/auth/hooks/use-me';
import { useIsMobile } from '../../shared/use-is-mobile';
import { AppHeader } from './app-header';
import { FullPageSpin } from './full-page-spin';
import { SideNav } from './side-nav';
import './app-layout.css';

function Brand() {
  const { t } = useTranslation();
  return (
    <div className="sht-brand">
      <span className="sht-brand__logo">售</span>
      <span className="sht-brand__name">{t('common.appName')}</span>
    </div>
  );
}

export function AppLayout() {
  const isMobile = useIsMobile();
  const me = useSession();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          styles={{ body: { padding: 0 } }}
          title={<Brand />}
          data-testid="nav-drawer"
        >
          <div className="sht-drawer-user">
            <Typography.Text strong>{me.name}</Typography.Text>
            <br />
            <Typography.Text type="secondary">{me.orgName}</Typography.Text>
          </div>
          <SideNav onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          className="sht-sider"
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          data-testid="side-nav"
        >
          <Brand />
          <div className="sht-sider__menu">
            <SideNav />
          </div>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          className="sht-header"
          style={{ background: token.colorBgContainer, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
        >
          <AppHeader isMobile={isMobile} onOpenMenu={() => setDrawerOpen(true)} />
        </Layout.Header>
        <Layout.Content className="sht-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
