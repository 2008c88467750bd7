import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/index.tsx';
import { HOME_PATH } from '../paths.ts';

/** 403 (role may not open the page) and 404 (no such page). */
export function ErrorPage({ status }: { status: 403 | 404 }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <div data-testid={`error-${status}`}>
      <Result
        status={status}
        title={status === 403 ? t('error.403') : t('error.404')}
        subTitle={status === 403 ? t('error.403.detail') : t('error.404.detail')}
        extra={
          <Button type="primary" onClick={() => void navigate(HOME_PATH)}>
            {t('error.backHome')}
          </Button>
        }
      />
    </div>
  );
}
