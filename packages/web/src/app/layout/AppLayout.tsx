import { useEffect, useState } from 'react';
import { Layout, theme } from 'antd';
import { matchPath, Outlet, useLocation } from 'react-router';
import { useMe } from '../../auth/session.ts';
import { useI18n } from '../../i18n/index.tsx';
import { APP_ROUTES } from '../routes.ts';
import { Lazy } from '../guards.tsx';
import { SideMenu } from './SideMenu.tsx';
import { HeaderBar } from './HeaderBar.tsx';
import { PartBoundary } from '../../shared/PartBoundary.tsx';
import { Title3 } from '../../shared/TextStyles.tsx';

/** The shell: side menu by module, header with the user, and the page (its own lazily loaded chunk). */
export function AppLayout() {
  const { t } = useI18n();
  const { data: user } = useMe();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  // Static paths come before '/projects/:id' in APP_ROUTES, so '/projects/board' finds its own title.
  const route = APP_ROUTES.find((candidate) => matchPath(candidate.path, pathname));
  const pageTitle = route ? t(route.titleKey) : null;

  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} - ${t('app.title')}` : t('app.title');
  }, [pageTitle, t]);

  if (!user) return null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={220}>
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            padding: '0 12px',
          }}
          data-testid="app-title"
        >
          {collapsed ? t('app.shortTitle') : t('app.title')}
        </div>
        <SideMenu role={user.role} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <HeaderBar user={user} />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          {pageTitle && (
            <Title3 style={{ marginTop: 0 }} data-testid="page-title">
              {pageTitle}
            </Title3>
          )}
          {/* A page that fails to draw keeps the menu and header; going to another page tries again. */}
          <PartBoundary name="本页面" key={pathname}>
            <Lazy>
              <Outlet />
            </Lazy>
          </PartBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
