import { useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { queryClient } from '../api/queryClient.ts';
import { setNotifier } from '../api/notify.ts';
import { setUnauthorizedHandler } from '../api/client.ts';
import { forgetSession } from '../auth/session.ts';
import { antdEnglish, I18nProvider, useI18n } from '../i18n/index.tsx';
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
import { RouteBoundary } from './error/RouteError.tsx';

setUnauthorizedHandler(() => {
  forgetSession(queryClient);
});

/**
 * The routes, declared as elements (react-router's declarative mode): the app uses no loader, action or fetcher, and
 * the data router (createBrowserRouter) weighed ≈ 10 kB gzip more on the first page (issue #15). Each top-level route
 * keeps its error screen (RouteBoundary, as the data router's errorElement did).
 */
function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <RouteBoundary>
            <Lazy>
              <LoginPage />
            </Lazy>
          </RouteBoundary>
        }
      />
      {/* R3.6: the parcels published for investors, outside the signed-in layout (no login). */}
      <Route
        path="/public/parcels"
        element={
          <RouteBoundary>
            <Lazy>
              <PublicParcelsPage />
            </Lazy>
          </RouteBoundary>
        }
      />
      <Route
        path="/public/notices"
        element={
          <RouteBoundary>
            <Lazy>
              <PublicNoticesPage />
            </Lazy>
          </RouteBoundary>
        }
      />
      <Route
        path="/change-password"
        element={
          <RouteBoundary>
            <Lazy>
              <ForcedPasswordChangePage />
            </Lazy>
          </RouteBoundary>
        }
      />
      <Route
        path="/"
        element={
          <RouteBoundary>
            <RequireAuth>
              <Lazy>
                <AppLayout />
              </Lazy>
            </RequireAuth>
          </RouteBoundary>
        }
      >
        {APP_ROUTES.map(({ path, permission, Page }) => {
          const element = (
            <RequirePermission permission={permission}>
              <Page />
            </RequirePermission>
          );
          return path === '/' ? (
            <Route key={path} index element={element} />
          ) : (
            <Route key={path} path={path} element={element} />
          );
        })}
        <Route path="*" element={<ErrorPage status={404} />} />
      </Route>
    </Routes>
  );
}

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
      locale={lang === 'zh' ? zhCN : antdEnglish()}
      button={{ autoInsertSpace: false }}
      theme={{ token: { colorPrimary: '#1f5fad' } }}
    >
      <AntApp>
        <NotifierBridge />
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
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
