import { useEffect } from 'react';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import { queryClient } from '../api/queryClient.ts';
import { setNotifier } from '../api/notify.ts';
import { setUnauthorizedHandler } from '../api/client.ts';
import { forgetSession } from '../auth/session.ts';
import { I18nProvider, useI18n } from '../i18n/index.tsx';
import {
  APP_ROUTES,
  AppLayout,
  ErrorPage,
  ForcedPasswordChangePage,
  LoginPage,
  PublicParcelsPage,
  PublicNoticesPage,
} from './routes.ts';
import { Lazy, RequireAuth, RequirePermission } from './guards.tsx';
import { RouteError } from './error/RouteError.tsx';

setUnauthorizedHandler(() => {
  forgetSession(queryClient);
});

const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <Lazy>
        <LoginPage />
      </Lazy>
    ),
  },
  // R3.6: the parcels published for investors, outside the signed-in layout (no login).
  {
    path: '/public/parcels',
    errorElement: <RouteError />,
    element: (
      <Lazy>
        <PublicParcelsPage />
      </Lazy>
    ),
  },
  {
    path: '/public/notices',
    errorElement: <RouteError />,
    element: (
      <Lazy>
        <PublicNoticesPage />
      </Lazy>
    ),
  },
  {
    path: '/change-password',
    errorElement: <RouteError />,
    element: (
      <Lazy>
        <ForcedPasswordChangePage />
      </Lazy>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Lazy>
          <AppLayout />
        </Lazy>
      </RequireAuth>
    ),
    children: [
      ...APP_ROUTES.map(({ path, permission, Page }) => ({
        ...(path === '/' ? { index: true } : { path }),
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <ErrorPage status={404} /> },
    ],
  },
]);

/** Registers antd's message API (with theme and locale) as the central error display. */
function NotifierBridge() {
  const { message } = AntApp.useApp();
  useEffect(() => {
    setNotifier({
      error: (content, key) => void message.open({ type: 'error', content, key, duration: 5 }),
      warning: (content, key) => void message.open({ type: 'warning', content, key, duration: 5 }),
    });
  }, [message]);
  return null;
}

function LocalizedApp() {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f5fad' } }}
    >
      <AntApp>
        <NotifierBridge />
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <LocalizedApp />
      </I18nProvider>
    </QueryClientProvider>
  );
}
