import { useState } from 'react';
import { Badge, Button, Card, Empty, Progress, Segmented, Space, Typography } from 'antd';
import { Link } from 'react-router';
import {
  RENEWAL_STATUSES,
  RENEWAL_TRACK_SHORT,
  RENEWAL_TRACKS,
  type RenewalStatus,
  type RenewalTrack,
} from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { usePlatformParam } from '../../shared/usePlatformParam.ts';
import { platformShortName } from '../../projects/components/project-format.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { exportCases, useRenewalCases, type CaseFilters } from '../renewal.api.ts';
import { OverdueTag, statusLabel, wayLabel } from '../components/renewal-format.tsx';
import { NewCaseModal, type CasePreset } from '../components/NewCaseModal.tsx';

const CARDS_PER_COLUMN = 30;

/** 更新案件看板: the cases of a track as columns by status, each card with its owner, deadline and overdue flag. */
export function RenewalBoardPage() {
  const { data: me } = useMe();
  const [track, setTrack] = useState<RenewalTrack | 'all'>('all');
  const [platformKey, setPlatformKey] = usePlatformParam();
  const [preset, setPreset] = useState<CasePreset | null>(null);
  const filters: CaseFilters = { track: track === 'all' ? undefined : track, platformKey };
  const exporting = useDownload(() => exportCases(filters));
  if (!me) return null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Segmented
        data-testid="board-track"
        value={track}
        onChange={(value) => {
          setTrack(value as RenewalTrack | 'all');
        }}
        options={[
          { value: 'all', label: '全部类型' },
          ...RENEWAL_TRACKS.map((t) => ({ value: t, label: RENEWAL_TRACK_SHORT[t] })),
        ]}
      />
      <Space wrap>
        <PlatformSelect names="short" value={platformKey} onChange={setPlatformKey} data-testid="board-platform" />
        {can(me.role, 'renewal.manage') && (
          <Button
            type="primary"
            onClick={() => {
              setPreset({});
            }}
            data-testid="new-case"
          >
            新建案件
          </Button>
        )}
        <Button onClick={() => void exporting.start()} loading={exporting.downloading} data-testid="export-cases">
          导出 Excel
        </Button>
        <Typography.Text type="secondary">
          每张卡片是一家企业的一个案件；红色标记为已过完成期限仍未完成（期限当天仍算按期）。点击企业名称查看步骤并登记进展。
        </Typography.Text>
      </Space>
      <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }} data-testid="renewal-board">
        {RENEWAL_STATUSES.map((status) => (
          <StatusColumn key={status} status={status} filters={filters} />
        ))}
      </div>
      <NewCaseModal
        preset={preset}
        onClose={() => {
          setPreset(null);
        }}
      />
    </div>
  );
}

function StatusColumn({ status, filters }: { status: RenewalStatus; filters: CaseFilters }) {
  const cases = useRenewalCases({ ...filters, status }, 1, CARDS_PER_COLUMN);
  const total = cases.data?.total ?? 0;
  const title = status === 'completed' ? '已完成／已出清' : statusLabel({ status, track: 'elimination' });
  return (
    <div
      data-testid={`board-column-${status}`}
      style={{ flex: '1 0 240px', background: '#f5f5f5', borderRadius: 8, padding: 8, minHeight: 360 }}
    >
      <Space style={{ marginBottom: 8, width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Badge count={total} showZero overflowCount={9999} color={total ? '#1f5fad' : '#bfbfbf'} />
      </Space>
      {cases.data && cases.data.items.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无案件" />
      )}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {cases.data?.items.map((c) => (
          <Card key={c.id} size="small" data-testid={`case-card-${c.id}`}>
            <Link to={`/renewal/cases/${c.id}`}>{c.enterpriseName}</Link>
            <div>
              <Typography.Text type="secondary">
                {platformShortName(c.platformKey)} · {RENEWAL_TRACK_SHORT[c.track]}
                {wayLabel(c) ? ` · ${wayLabel(c)}` : ''}
              </Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">
                {c.department} {c.responsiblePerson} · 期限 {c.deadline}
              </Typography.Text>
            </div>
            <Progress
              percent={Math.round((c.stepsDone / c.stepsTotal) * 100)}
              size="small"
              format={() => `${c.stepsDone}/${c.stepsTotal} 步`}
            />
            <OverdueTag c={c} />
          </Card>
        ))}
      </Space>
      {total > CARDS_PER_COLUMN && (
        <Typography.Text type="secondary">仅显示期限最早的 {CARDS_PER_COLUMN} 件，全部请导出 Excel。</Typography.Text>
      )}
    </div>
  );
}
