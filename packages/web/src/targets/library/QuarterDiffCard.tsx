import { Card, Empty, Space, Tag, Typography } from 'antd';
import { useQuarterDiff } from '../targets.api.ts';
import { statusLabel, tierLabel } from '../target-labels.ts';

/** What changed from the last quarter (issue #13): added, dropped with the reason, moved in status or tier. */
export function QuarterDiffCard({ platformKey, quarter }: { platformKey: string; quarter: string }) {
  const diff = useQuarterDiff(platformKey, quarter);
  const d = diff.data;
  return (
    <Card
      size="small"
      title={`与上季度${d ? `（${d.previousQuarter}）` : ''}相比`}
      loading={diff.isLoading}
      data-testid="quarter-diff"
    >
      {d && d.added.length + d.dropped.length + d.moved.length === 0 ? (
        <Empty description="与上季度相比没有变化" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : d ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            新增 {d.added.length} 家，移出 {d.dropped.length} 家，状态或档次变化 {d.moved.length} 家，未变 {d.unchanged}{' '}
            家
          </Typography.Text>
          {d.added.length > 0 && (
            <div data-testid="diff-added">
              <Typography.Text strong>新增：</Typography.Text>
              {d.added.map((row) => (
                <Tag color="green" key={row.lineageId}>
                  {row.name}
                </Tag>
              ))}
            </div>
          )}
          {d.dropped.length > 0 && (
            <div data-testid="diff-dropped">
              <Typography.Text strong>移出：</Typography.Text>
              {d.dropped.map(({ row, reason }) => (
                <Tag color="red" key={row.lineageId}>
                  {row.name}（{reason}）
                </Tag>
              ))}
            </div>
          )}
          {d.moved.length > 0 && (
            <div data-testid="diff-moved">
              <Typography.Text strong>变化：</Typography.Text>
              {d.moved.map(({ row, from, to }) => (
                <Tag color="blue" key={row.lineageId}>
                  {row.name}：
                  {from.status !== to.status ? `${statusLabel(from.status)} → ${statusLabel(to.status)}` : ''}
                  {from.tier !== to.tier ? ` ${tierLabel(from.tier)} → ${tierLabel(to.tier)}` : ''}
                </Tag>
              ))}
            </div>
          )}
        </Space>
      ) : null}
    </Card>
  );
}
