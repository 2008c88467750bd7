import { useState } from 'react';
import { Button, Card, Segmented, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import {
  RECTIFICATION_BARS,
  RECTIFICATION_TRACK_LABELS,
  RECTIFICATION_TRACKS,
  type RectificationTrack,
} from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { exportRectification, useRectification, useRun, type RectificationItemView } from '../mu-evaluation.api.ts';
import { ownPlatformOf, platformShort } from '../../enterprises/components/enterprise-format.ts';
import { RunPageHeader } from './RunPageHeader.tsx';
import { ClassTag } from '../components/ClassTag.tsx';
import { formatNumber } from '@pgs/domain/platform/format';
import { EnterpriseNameCell } from '../../enterprises/components/EnterpriseNameCell.tsx';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';

const TRACK_COLORS: Record<RectificationTrack, string> = { support: 'green', tax_review: 'gold', rectify: 'red' };

const columns: TableColumnsType<RectificationItemView> = [
  {
    title: '企业名称 / 统一社会信用代码',
    dataIndex: 'name',
    width: 250,
    render: (name: string, item) => <EnterpriseNameCell name={name} creditCode={item.creditCode} />,
  },
  { title: '平台', dataIndex: 'platformKey', width: 76, render: (key: string | null) => platformShort(key) },
  {
    title: '等级',
    dataIndex: 'class',
    width: 70,
    render: (cls: RectificationItemView['class']) => <ClassTag value={cls} short />,
  },
  {
    title: '亩均税收 / 整治线（万元/亩）',
    dataIndex: 'taxPerMu',
    width: 160,
    align: 'right',
    render: (value: string, item) => (
      <span style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text strong>{formatNumber(value, { decimals: 2, fixed: true })}</Typography.Text>
        <Typography.Text type="secondary"> ≤ {formatNumber(item.bar, { decimals: 2, fixed: true })}</Typography.Text>
      </span>
    ),
  },
  {
    title: '分类',
    dataIndex: 'track',
    width: 116,
    render: (track: RectificationTrack) => (
      <Tag color={TRACK_COLORS[track]} data-track={track}>
        {RECTIFICATION_TRACK_LABELS[track]}
      </Tag>
    ),
  },
  {
    title: '列入理由',
    dataIndex: 'reason',
    render: (reason: string) => <Typography.Text style={{ fontSize: 13 }}>{reason}</Typography.Text>,
  },
];

/**
 * 亩均税收整治名单 (R3.4): industrial enterprises at or under the bar (1 万元/亩 city-wide, 5 inside the platforms,
 * 以下 includes the figure), each marked 帮扶支持, 税收重点评估 or 整治提升 with the reason (D16).
 */
export function RectificationPage() {
  const { id = '' } = useParams();
  const runId = Number(id);
  const { data: me } = useMe();
  const ownPlatform = ownPlatformOf(me);
  const [platformKey, setPlatformKey] = useState<string | undefined>(undefined);
  const [track, setTrack] = useState<RectificationTrack | 'all'>('all');
  const paging = usePaging(50);
  const effective = ownPlatform ?? platformKey;
  const trackFilter = track === 'all' ? undefined : track;
  const run = useRun(runId);
  const list = useRectification(runId, effective, trackFilter, paging.page, paging.pageSize);
  const exporting = useDownload(() => exportRectification(run.data ?? { id: runId, year: 0 }, effective, trackFilter));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RunPageHeader
        run={run.data}
        error={run.error}
        platformKey={platformKey}
        ownPlatform={ownPlatform}
        onPlatform={(next) => {
          setPlatformKey(next);
          paging.reset();
        }}
      >
        <Segmented<RectificationTrack | 'all'>
          value={track}
          onChange={(next) => {
            setTrack(next);
            paging.reset();
          }}
          options={[
            { value: 'all', label: '全部' },
            ...RECTIFICATION_TRACKS.map((each) => ({ value: each, label: RECTIFICATION_TRACK_LABELS[each] })),
          ]}
          data-testid="rectification-track"
        />
      </RunPageHeader>
      <Card
        title="亩均税收整治名单（§三(二)）"
        size="small"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.downloading}
            onClick={() => void exporting.start()}
            data-testid="rectification-export"
          >
            导出Excel
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          工业企业亩均税收 = 实缴税收 ÷（自有 + 承租用地）。全市亩均税收 {RECTIFICATION_BARS.city} 万元以下、三大平台内{' '}
          {RECTIFICATION_BARS.platform} 万元以下（含本数）的企业列入整治，自有用地和承租企业一并纳入；
          正常生产但亩均用电不低于本评价组中位数的列为“税收重点评估”，营业收入较上年增长达标的列为“帮扶支持”，其余“整治提升”。不定等级（T类）企业不列入。名单在运行评价时按当时的企业数据生成并随评价保存，之后重新导入企业数据不会改变已生成的名单。
        </Typography.Paragraph>
        <div data-testid="rectification-table">
          <PagedTable<RectificationItemView>
            rowKey="creditCode"
            size="small"
            columns={columns}
            scroll={{ x: 1000 }}
            locale={{ emptyText: '没有列入整治的企业' }}
            query={list}
            paging={paging}
            totalText={(total) => <span data-testid="rectification-total">共 {total} 家企业</span>}
          />
        </div>
      </Card>
    </Space>
  );
}
