import type { ReactNode } from 'react';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import type { PlatformKey } from '@pgs/domain';
import type { EvaluationRunView } from '../mu-evaluation.api.ts';
import { PLATFORM_FILTER_OPTIONS, platformFull } from '../../enterprises/components/enterprise-format.ts';
import { runLabel } from '../runs/run-label.ts';
import { RunStatusTag } from '../runs/RunStatusTag.tsx';

/** The head of a list derived from a run (measures, rectification): which run, back to it, the platform filter. */
export function RunPageHeader(props: {
  run: EvaluationRunView | undefined;
  error: Error | null;
  platformKey: string | undefined;
  ownPlatform: PlatformKey | null;
  onPlatform: (platformKey: string | undefined) => void;
  children?: ReactNode;
}) {
  const { run, error, platformKey, ownPlatform, onPlatform, children } = props;
  const navigate = useNavigate();
  if (error) return <Alert type="error" showIcon title={error.message} />;
  return (
    <Card size="small">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap size="large">
          <Button
            icon={<ArrowLeftOutlined />}
            onClick={() => void navigate(run ? `/evaluations?year=${run.year}&run=${run.id}` : '/evaluations')}
            data-testid="back-to-run"
          >
            返回评价结果
          </Button>
          {run && (
            <Space>
              <Typography.Text strong>{runLabel(run)}评价</Typography.Text>
              <RunStatusTag status={run.status} />
            </Space>
          )}
          <Space>
            <Typography.Text>平台</Typography.Text>
            {ownPlatform ? (
              <Typography.Text data-testid="list-platform">{platformFull(ownPlatform)}</Typography.Text>
            ) : (
              <Select<string>
                allowClear
                placeholder="全部平台（含平台外）"
                value={platformKey}
                onChange={onPlatform}
                options={PLATFORM_FILTER_OPTIONS}
                style={{ width: 190 }}
                data-testid="list-filter-platform"
              />
            )}
          </Space>
          {children}
        </Space>
        {run?.status === 'draft' && (
          <Alert type="warning" showIcon title="此次评价尚未发布，以下名单仅供核对，平台看不到。" />
        )}
        {run?.status === 'superseded' && (
          <Alert type="warning" showIcon title="此次评价已被同年度后来发布的评价替代。" />
        )}
      </Space>
    </Card>
  );
}
