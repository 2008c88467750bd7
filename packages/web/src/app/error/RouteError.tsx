import { Alert, Button } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

/**
 * The shell itself failed to draw, or a page's chunk failed to download (e.g. after a redeploy). A page's own
 * failure is caught closer, by the PartBoundary in AppLayout, so the menu stays. The error's text is a developer's
 * and goes to the console only.
 */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  console.error(error);
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
