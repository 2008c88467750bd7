import { useState } from 'react';
import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography, Alert } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { isPlatformKey, nextQuarter, quarterLabel, quarterOfDay, type PlatformKey } from '@pgs/domain';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { isApiError } from '../../api/client.ts';
import {
  closeQuarter,
  exportTargets,
  targetKeys,
  useQuarters,
  useTargets,
  type TargetFilters,
} from '../targets.api.ts';
import {
  PLATFORM_OPTIONS,
  STATUS_COLORS,
  STATUS_OPTIONS,
  statusLabel,
  TIER_OPTIONS,
  tierLabel,
  TYPE_OPTIONS,
  typeLabel,
} from '../target-labels.ts';
import { TargetFormModal } from './TargetFormModal.tsx';
import { CarryForwardModal } from './CarryForwardModal.tsx';
import { QuarterDiffCard } from './QuarterDiffCard.tsx';

/** 拟招引目标企业库 (R2.7): one platform's quarter, with the switcher, the diff, carry-forward and closing. */
export function TargetLibraryPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('platformKey');
  // A platform user's own platform; otherwise the one in the address (an unknown one reads as the first platform).
  const platformKey: PlatformKey = me?.platformKey ?? (asked && isPlatformKey(asked) ? asked : 'oujiangkou');
  const quarters = useQuarters(platformKey);
  const known = quarters.data?.map((q) => q.quarter) ?? [];
  const today = quarterOfDay(new Date().toISOString().slice(0, 10));
  const quarter = search.get('quarter') ?? known[0] ?? today;
  const state = quarters.data?.find((q) => q.quarter === quarter);
  const mayEdit = me ? can(me.role, 'targets.edit') : false;
  const [formOpen, setFormOpen] = useState(false);
  const [carryOpen, setCarryOpen] = useState(false);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setSearch(next);
  };
  // Read from the URL on every render: the query hashes its key, so a new object with the same filters refetches nothing.
  const filters: TargetFilters = {
    platformKey,
    quarter,
    tier: search.get('tier') ?? undefined,
    type: search.get('type') ?? undefined,
    status: search.get('status') ?? undefined,
    hqProvince: search.get('hqProvince') ?? undefined,
    hqCity: search.get('hqCity') ?? undefined,
  };
  const page = Number(search.get('page') ?? 1) || 1;
  // The tier column sorts on the server (every page): ≥50亿 first when descending, as the tiers are read.
  const sort = search.get('sort') as 'tier' | 'tier_reverse' | null;
  const targets = useTargets(sort ? { ...filters, sort } : filters, page, 50);
  const exporting = useDownload(() => exportTargets(filters));
  const latest = known[0];
  const carryTo = latest ? nextQuarter(latest) : null;
  const quarterOptions = [...new Set([...(carryTo ? [] : [today]), ...known])].map((q) => ({
    value: q,
    label: `${quarterLabel(q)}${quarters.data?.find((s) => s.quarter === q)?.closed ? '（已关闭）' : ''}`,
  }));

  const close = async () => {
    try {
      await closeQuarter(platformKey, quarter);
      message.success(`${quarter} 已关闭，此后只能查看`);
      await queryClient.invalidateQueries({ queryKey: targetKeys.all });
    } catch (error) {
      message.error(isApiError(error) ? error.message : '关闭失败，请稍后重试');
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space wrap>
          {!me?.platformKey && (
            <Select
              style={{ width: 220 }}
              value={platformKey}
              options={PLATFORM_OPTIONS}
              onChange={(v) => {
                setSearch({ platformKey: v });
              }}
              data-testid="library-platform"
            />
          )}
          <Select
            style={{ width: 220 }}
            value={quarter}
            options={quarterOptions}
            onChange={(v) => {
              set('quarter', v);
            }}
            data-testid="library-quarter"
          />
          {/* Only once the quarters are known: before that a closed quarter looked editable for a moment. */}
          {quarters.isSuccess &&
            (state?.closed ? <Tag color="default">已关闭（只读）</Tag> : <Tag color="green">本季度可编辑</Tag>)}
          {mayEdit && quarters.isSuccess && !state?.closed && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setFormOpen(true);
              }}
              data-testid="add-target"
            >
              新增目标企业
            </Button>
          )}
          {mayEdit && carryTo && (
            <Tooltip title={`把 ${latest} 中尚未结束的目标企业带到 ${carryTo}，并显示变化`}>
              <Button
                onClick={() => {
                  setCarryOpen(true);
                }}
                data-testid="carry-forward"
              >
                结转到 {carryTo}
              </Button>
            </Tooltip>
          )}
          {mayEdit && state && !state.closed && (
            <Popconfirm
              title={`关闭 ${quarter} 后本季度目标企业库只能查看，不能再修改。确定关闭？`}
              okText="关闭季度"
              cancelText="取消"
              onConfirm={() => void close()}
            >
              <Button danger data-testid="close-quarter">
                关闭季度
              </Button>
            </Popconfirm>
          )}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.downloading}
            onClick={() => void exporting.start()}
            data-testid="export-targets"
          >
            导出 Excel
          </Button>
        </Space>
        <Space wrap style={{ marginTop: 12 }}>
          <Select
            allowClear
            placeholder="规模档次"
            style={{ width: 150 }}
            options={TIER_OPTIONS}
            value={filters.tier}
            onChange={(v) => {
              set('tier', v);
            }}
            data-testid="filter-tier"
          />
          <Select
            allowClear
            placeholder="企业类型"
            style={{ width: 150 }}
            options={TYPE_OPTIONS}
            value={filters.type}
            onChange={(v) => {
              set('type', v);
            }}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            options={STATUS_OPTIONS}
            value={filters.status}
            onChange={(v) => {
              set('status', v);
            }}
          />
          {filters.hqProvince && (
            <Tag
              closable
              onClose={() => {
                setSearch(new URLSearchParams({ platformKey, quarter }));
              }}
            >
              总部：{filters.hqProvince}
              {filters.hqCity ? ` ${filters.hqCity}` : ''}
            </Tag>
          )}
        </Space>
      </Card>
      {state?.carriedFrom && <QuarterDiffCard platformKey={platformKey} quarter={quarter} />}
      {!state?.carriedFrom && known.length > 1 && <QuarterDiffCard platformKey={platformKey} quarter={quarter} />}
      <Card title={`${quarterLabel(quarter)}目标企业（${targets.data?.total ?? 0} 家）`}>
        {targets.data?.total === 0 && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={
              mayEdit
                ? '本季度还没有目标企业：点“新增目标企业”逐家录入，或点“结转”从上季度带入。'
                : '本季度还没有目标企业。'
            }
          />
        )}
        <Table
          rowKey="id"
          size="small"
          loading={targets.isLoading}
          dataSource={targets.data?.items}
          onRow={(row) => ({
            onClick: () => void navigate(`/targets/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize: 50,
            total: targets.data?.total,
            showSizeChanger: false,
          }}
          onChange={(pagination, _filters, sorter) => {
            const order = Array.isArray(sorter) ? undefined : sorter.order;
            const nextSort = order === 'descend' ? 'tier' : order === 'ascend' ? 'tier_reverse' : null;
            if (nextSort !== sort) set('sort', nextSort ?? undefined);
            else set('page', String(pagination.current ?? 1));
          }}
          data-testid="target-table"
          columns={[
            { title: '企业名称', dataIndex: 'name', render: (name: string) => <a>{name}</a> },
            { title: '类型', dataIndex: 'types', render: (types: string[]) => types.map(typeLabel).join('、') },
            {
              title: '总部',
              render: (_, row) => (
                <span>
                  {row.hqCity}
                  {row.focusRegion && (
                    <Tag color="volcano" style={{ marginLeft: 4 }}>
                      重点区域
                    </Tag>
                  )}
                </span>
              ),
            },
            { title: '行业', render: (_, row) => `${row.industryCode} ${row.industryName ?? ''}` },
            { title: '预计投资（万元）', dataIndex: 'expectedInvestment', align: 'right' },
            {
              title: <Tooltip title="按预计投资额：5亿、20亿、50亿元以上（含本数）">档次</Tooltip>,
              dataIndex: 'tier',
              render: tierLabel,
              // 50亿元以上 → 20亿 → 5亿 → 5亿元以下 when descending (not the labels' text order).
              sorter: true,
              sortDirections: ['descend', 'ascend'],
              sortOrder: sort === 'tier' ? 'descend' : sort === 'tier_reverse' ? 'ascend' : null,
              showSorterTooltip: { title: '按档次排序：50亿、20亿、5亿元以上，再到 5亿元以下' },
            },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: string) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s)}</Tag>,
            },
            { title: '责任人', dataIndex: 'owner' },
            { title: '来源渠道', dataIndex: 'channelName', render: (name: string | null) => name ?? '—' },
          ]}
        />
        <Typography.Text type="secondary">点击一行查看企业的招商方案、各季度情况和历史记录。</Typography.Text>
      </Card>
      <TargetFormModal
        open={formOpen}
        platformKey={platformKey}
        quarter={quarter}
        target={null}
        onClose={() => {
          setFormOpen(false);
        }}
        onSaved={(id) => {
          setFormOpen(false);
          void navigate(`/targets/${id}`);
        }}
      />
      {carryTo && latest && (
        <CarryForwardModal
          open={carryOpen}
          platformKey={platformKey}
          from={latest}
          to={carryTo}
          onClose={() => {
            setCarryOpen(false);
          }}
          onDone={(q) => {
            setCarryOpen(false);
            set('quarter', q);
          }}
        />
      )}
    </Space>
  );
}
