import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Alert, Button } from 'antd';
import { useLocation } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The shell itself failed to draw, or a page's chunk failed to download (e.g. after a redeploy). A page's own
 * failure is caught closer, by the PartBoundary in AppLayout, so the menu stays. The error's text is a developer's
 * and goes to the console only.
 */
export function RouteError() {
  const { t } = useI18n();
  return (
    <div style={{ maxWidth: 560, margin: '96px auto' }} data-testid="route-error">
      <Alert
        type="error"
        showIcon
        title={t('error.pageLoad')}
        action={
          <Button
            size="small"
            onClick={() => {
              window.location.reload();
            }}
          >
            {t('error.reload')}
          </Button>
        }
      />
    </div>
  );
}

type BoundaryProps = { children: ReactNode; pathname: string };
type BoundaryState = { failed: boolean; pathname: string };

/** What the data router's errorElement did: the route's error screen, tried afresh once the address changes. */
class PathBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { failed: false, pathname: this.props.pathname };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    return props.pathname === state.pathname ? null : { failed: false, pathname: props.pathname };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    return this.state.failed ? <RouteError /> : this.props.children;
  }
}

/** A top-level route's error boundary: RouteError in place of the route when it fails to draw. */
export function RouteBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <PathBoundary pathname={pathname}>{children}</PathBoundary>;
}
