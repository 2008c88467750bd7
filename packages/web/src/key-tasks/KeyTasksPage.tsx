import { useState } from 'react';
import {
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  Progress,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { KEY_TASK_STATUSES, PLATFORMS, type KeyTaskStatus, type KeyTaskView } from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { todayInShanghai } from '../shared/format.ts';
import { useDownload } from '../shared/useDownload.ts';
import { exportKeyTasks, useCompletion, useKeyTasks, type KeyTaskFilters } from './key-tasks.api.ts';
import { leadLabel, partLabel, percent, STATUS_COLORS, statusLabel } from './key-task-format.ts';
import { KeyTaskForm } from './KeyTaskForm.tsx';
import { KeyTaskDrawer } from './KeyTaskDrawer.tsx';
import { KeyTaskImport } from './KeyTaskImport.tsx';

/** 年度重点任务清单 (R4.4, 附件1 任务安排表): the drc keeps it; the responsible users report; all read. */
export function KeyTasksPage() {
  const { data: me } = useMe();
  const [search, setSearch] = useSearchParams();
  const today = todayInShanghai();
  const year = Number(search.get('year')) || Number(today.slice(0, 4));
  const [filters, setFilters] = useState<KeyTaskFilters>({});
  const [q, setQ] = useState('');
  const tasks = useKeyTasks(year, filters);
  const completion = useCompletion(year);
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<KeyTaskView | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const exporting = useDownload(() => exportKeyTasks(year, filters));
  if (!me) return null;
  const canEdit = can(me.role, 'keyTasks.edit');
  const own = me.role === 'platform' ? me.platformKey : null;

  const columns = [
    { title: '任务名称', dataIndex: 'title', render: (title: string) => <a>{title}</a> },
    { title: '牵头部门', dataIndex: 'leadDepartment', width: 110, render: leadLabel },
    {
      title: '涉及平台',
      dataIndex: 'platformKeys',
      width: 150,
      render: (keys: string[]) => (keys.length ? keys.map(partLabel).join('、') : '（牵头部门）'),
    },
    { title: '完成期限', dataIndex: 'deadline', width: 110 },
    { title: '目标值', width: 110, render: (_v: unknown, t: KeyTaskView) => `${t.target} ${t.unit}` },
    {
      title: (
        <Tooltip title="每个承担部分：最近一次报送的累计完成值 ÷ 目标值">
          <span>进展（累计完成 / 目标）</span>
        </Tooltip>
      ),
      width: 260,
      render: (_v: unknown, t: KeyTaskView) => (
        <Space orientation="vertical" size={0} style={{ width: '100%' }}>
          {t.parts.map((p) => (
            <span key={p.platformKey ?? 'whole'}>
              {partLabel(p.platformKey)} {p.reached}/{t.target}
              <Progress
                percent={Math.round(p.share * 1000) / 10}
                size="small"
                status={p.overdue ? 'exception' : undefined}
              />
            </span>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (status: KeyTaskStatus) => <Tag color={STATUS_COLORS[status]}>{statusLabel(status)}</Tag>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <span>年度</span>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(value) => {
              if (value) setSearch({ year: String(value) }, { replace: true });
            }}
            data-testid="key-task-year"
          />
          <Select
            allowClear
            placeholder="全部状态"
            style={{ width: 120 }}
            value={filters.status}
            onChange={(status) => {
              setFilters({ ...filters, status });
            }}
            options={KEY_TASK_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
            data-testid="key-task-status"
          />
          {!own && (
            <Select
              allowClear
              placeholder="全部平台"
              style={{ width: 140 }}
              value={filters.platformKey}
              onChange={(platformKey) => {
                setFilters({ ...filters, platformKey });
              }}
              options={PLATFORMS.map((p) => ({ value: p.key, label: p.shortName }))}
            />
          )}
          <Input.Search
            placeholder="任务名称或说明"
            allowClear
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
            }}
            onSearch={(value) => {
              setFilters({ ...filters, q: value.trim() || undefined });
            }}
            style={{ width: 220 }}
          />
          <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={() => void exporting.start()}>
            导出 Excel
          </Button>
          {canEdit && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setEditing('new');
                }}
                data-testid="task-new"
              >
                新增任务
              </Button>
              <Button
                icon={<UploadOutlined />}
                onClick={() => {
                  setImporting(true);
                }}
                data-testid="task-import"
              >
                Excel 导入
              </Button>
            </>
          )}
        </Space>
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">
            状态和逾期按今天（{today}
            ）计算：期限当天仍算按期，次日起未完成即“逾期”；所有承担部分都达到目标值即“已完成”。
            {own ? ' 平台用户只看到涉及本平台的任务和本平台承担的部分。' : ''}
          </Typography.Text>
        </div>
      </Card>

      <Card size="small" title="各平台完成率" data-testid="completion">
        <Space size="large" wrap>
          {(completion.data?.platforms ?? []).map((p) => (
            <Tooltip
              key={p.platformKey}
              title={`涉及 ${p.parts} 项任务，已完成 ${p.done} 项，逾期 ${p.overdue} 项；平均进度 ${percent(p.progressShare)}`}
            >
              <Statistic title={partLabel(p.platformKey)} value={percent(p.completionShare)} />
            </Tooltip>
          ))}
        </Space>
        <div>
          <Typography.Text type="secondary">
            完成率 = 已完成的任务数 ÷ 涉及该平台的任务数（按今天计算，供年度考核读取）。
          </Typography.Text>
        </div>
      </Card>

      <Card size="small" title={`${year} 年重点任务清单`}>
        <Table<KeyTaskView>
          rowKey="id"
          size="small"
          loading={tasks.isFetching}
          dataSource={tasks.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 20, showTotal: (total) => `共 ${total} 项` }}
          onRow={(task) => ({
            onClick: () => {
              setOpenId(task.id);
            },
            style: { cursor: 'pointer' },
          })}
          locale={{
            emptyText: (
              <Empty
                description={
                  canEdit
                    ? `${year} 年尚无重点任务：点击“新增任务”或“Excel 导入”添加`
                    : `${year} 年尚无涉及的重点任务，请等待市发改委下达任务清单`
                }
              />
            ),
          }}
          data-testid="key-task-table"
        />
      </Card>

      <KeyTaskDrawer
        id={openId}
        me={me}
        onClose={() => {
          setOpenId(null);
        }}
        onEdit={() => {
          setEditing(tasks.data?.items.find((t) => t.id === openId) ?? null);
        }}
      />
      {editing && (
        <KeyTaskForm
          year={year}
          task={editing === 'new' ? null : editing}
          open
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      <KeyTaskImport
        year={year}
        open={importing}
        onClose={() => {
          setImporting(false);
        }}
      />
    </Space>
  );
}
