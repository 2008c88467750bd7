import { Alert, Button } from 'antd';
import { useRouteError } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';

/** A page that failed to render or whose chunk failed to download (e.g. after a redeploy). */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <div style={{ maxWidth: 560, margin: '96px auto' }} data-testid="route-error">
      <Alert
        type="error"
        showIcon
        title={t('error.pageLoad')}
        description={detail}
        action={
          <Button size="small" onClick={() => window.location.reload()}>
            {t('error.reload')}
          </Button>
        }
      />
    </div>
  );
}
