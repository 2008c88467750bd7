import { App, Button, Card, Col, Popconfirm, Row, Space, Typography } from 'antd';
import { FileProtectOutlined, SendOutlined, ToolOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { PlatformKey } from '@pgs/domain';
import { formatDateTime } from '../../shared/format.ts';
import { evaluationKeys, publishRun, type EvaluationRunView } from '../mu-evaluation.api.ts';
import { ClassCountsRow } from '../components/ClassCountsRow.tsx';
import { DShareRules } from '../components/DShareRules.tsx';
import { formatPercent, platformFull } from '../../enterprises/components/enterprise-format.ts';
import { ClassDistributionChart } from './ClassDistributionChart.tsx';
import { PlatformClassTable } from './PlatformClassTable.tsx';
import { ResultsTable } from './ResultsTable.tsx';
import { RunStatusTag } from './RunStatusTag.tsx';
import { usePlatformClasses } from './usePlatformClasses.ts';
import { runLabel } from './run-label.ts';
import { countsFor } from './run-counts.ts';

/** One run: counts, class distribution per platform, the D-share rule of each platform (R3.2), publish, results. */
export function RunSummary({
  run,
  canManage,
  ownPlatform,
}: {
  run: EvaluationRunView;
  canManage: boolean;
  ownPlatform: PlatformKey | null;
}) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const distribution = usePlatformClasses(run);
  const publish = useMutation({
    mutationFn: () => publishRun(run.id),
    onSuccess: (published) => {
      message.success(`已发布${runLabel(published)}评价结果`);
      void queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
    },
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            <span data-testid="run-title">
              {run.year} 年亩均效益综合评价 · {runLabel(run)}评价
            </span>
            <RunStatusTag status={run.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              icon={<FileProtectOutlined />}
              onClick={() => void navigate(`/evaluations/${run.id}/measures`)}
              data-testid="run-measures-link"
            >
              差别化措施（C、D 类）
            </Button>
            <Button
              icon={<ToolOutlined />}
              onClick={() => void navigate(`/evaluations/${run.id}/rectification`)}
              data-testid="run-rectification-link"
            >
              亩均税收整治名单
            </Button>
            {canManage && run.status === 'draft' && (
              <Popconfirm
                title={`发布 ${run.year} 年评价结果？`}
                description="发布后各平台可查看本平台结果，同年度此前发布的结果将被替代。"
                okText="发布"
                cancelText="取消"
                onConfirm={() => {
                  publish.mutate();
                }}
              >
                <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="run-publish">
                  发布
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Typography.Text type="secondary" data-testid="run-meta">
          {run.createdAt ? `${run.createdByName} 于 ${formatDateTime(run.createdAt)} 运行` : ''}
          {run.publishedAt
            ? `；${run.publishedByName ?? ''} 于 ${formatDateTime(run.publishedAt)} 发布`
            : run.status === 'draft'
              ? '；尚未发布，平台看不到此结果'
              : ''}
          {run.methodName ? `；评价办法：${run.methodName}` : ''}
          {`；共 ${run.total} 家企业`}
        </Typography.Text>
      </Card>

      {ownPlatform && <Typography.Text strong>{platformFull(ownPlatform)}等级分布</Typography.Text>}
      <ClassCountsRow counts={countsFor(run, ownPlatform)} data-testid="run-counts" />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title="各平台等级分布" size="small" style={{ height: '100%' }}>
            <ClassDistributionChart data={distribution.data} loading={distribution.loading} />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title="各平台等级分布明细（家，括号内为占 A–D 类的比例）" size="small" style={{ height: '100%' }}>
            <PlatformClassTable data={distribution.data} />
          </Card>
        </Col>
      </Row>

      <Card title={`D 类占比规则 · 全市 D 类占比 ${formatPercent(run.cityDShare)}`} size="small">
        <DShareRules cityDShare={run.cityDShare} platforms={run.platforms} data-testid="run-dshare" />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          全市 D 类占比按全市全部参评企业（含平台外，不含 T 类）在基础分档下计算；平台 D 类占比不足“全市 +
          调整幅度”时，按组内百分位由低到高将企业调入 D 类。
        </Typography.Paragraph>
      </Card>

      <ResultsTable run={run} ownPlatform={ownPlatform} />
    </Space>
  );
}
