import { Suspense, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Spin } from 'antd';
import { can, type Permission } from '@pgs/domain/platform/roles';
import { CHANGE_PASSWORD_PATH, useMe } from '../auth/session.ts';
import { ErrorPage } from './routes.ts';

export function PageSpinner() {
  return (
    <div style={{ padding: 64, textAlign: 'center' }} data-testid="page-loading">
      <Spin />
    </div>
  );
}

export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{children}</Suspense>;
}

/** Signed-in pages: without a session, go to the login page and come back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageSpinner />;
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  // #10.11: a temporary password is changed before any page opens.
  if (me.data.mustChangePassword)
    return <Navigate to={CHANGE_PASSWORD_PATH} replace state={{ from: `${location.pathname}${location.search}` }} />;
  return <>{children}</>;
}

/** A page the role may not open shows 403 (the menu hides it, but a typed URL still arrives here). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  if (!me.data || !can(me.data.role, permission)) return <ErrorPage status={403} />;
  return <>{children}</>;
}
