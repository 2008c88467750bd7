import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { D_SHARE_BAND } from '@pgs/domain';
import type { PlatformRule } from '../mu-evaluation.api.ts';
import { formatPercent, platformFull } from '../../enterprises/components/enterprise-format.ts';

/**
 * R3.2 per platform, said in one sentence: "全市 D 类占比 x%，本平台 y%，应在 x+5% – x+10% 之间：符合/不符合（原因）".
 * The band is judged by the server exactly (counts, not floats); this only writes it out.
 */
export function dShareSentence(cityDShare: number | string, rule: PlatformRule): string {
  const city = Number(cityDShare);
  const low = formatPercent(city + D_SHARE_BAND.min);
  const high = formatPercent(city + D_SHARE_BAND.max);
  return `全市 D 类占比 ${formatPercent(city)}，本平台 ${formatPercent(rule.dShare)}，应在 ${low} – ${high} 之间`;
}

export function DShareRules({
  cityDShare,
  platforms,
  'data-testid': testId,
}: {
  cityDShare: number | string;
  platforms: PlatformRule[];
  'data-testid'?: string;
}) {
  const columns: TableColumnsType<PlatformRule> = [
    { title: '平台', dataIndex: 'platformKey', width: 180, render: (key: string) => platformFull(key) },
    { title: '参评企业', dataIndex: 'evaluated', width: 90, align: 'right', render: (n: number) => `${n} 家` },
    {
      title: 'D 类占比（调整前 → 后）',
      key: 'share',
      width: 210,
      render: (_v, rule) =>
        rule.baseDShare !== rule.dShare ? (
          <span>
            {formatPercent(rule.baseDShare)} → <Typography.Text strong>{formatPercent(rule.dShare)}</Typography.Text>
            {rule.movedToD ? <Typography.Text type="secondary">（调入 {rule.movedToD} 家）</Typography.Text> : null}
          </span>
        ) : (
          <Typography.Text strong>{formatPercent(rule.dShare)}</Typography.Text>
        ),
    },
    {
      title: '平台 D 类占比应高于全市 5–10 个百分点（§三(二)）',
      key: 'rule',
      render: (_v, rule) => (
        <Space
          orientation="vertical"
          size={0}
          data-testid={`dshare-${rule.platformKey}`}
          data-holds={rule.ruleHolds ? 'true' : 'false'}
        >
          <span>
            {dShareSentence(cityDShare, rule)}：
            {rule.ruleHolds ? <Tag color="green">符合</Tag> : <Tag color="red">不符合</Tag>}
          </span>
          {rule.reason && (
            <Typography.Text type={rule.ruleHolds ? 'secondary' : 'danger'} style={{ fontSize: 12 }}>
              {rule.ruleHolds ? '' : '原因：'}
              {rule.reason}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  return (
    <div data-testid={testId}>
      <Table<PlatformRule>
        rowKey="platformKey"
        size="small"
        columns={columns}
        dataSource={platforms}
        pagination={false}
      />
    </div>
  );
}
