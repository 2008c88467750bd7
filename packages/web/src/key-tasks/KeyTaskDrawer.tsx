import { useState } from 'react';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isPlatformKey, mayReportPart, taskParts, type PlatformKey, type Role } from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { todayInShanghai } from '../shared/format.ts';
import { deleteKeyTask, keyTaskKeys, reportProgress, useKeyTask } from './key-tasks.api.ts';
import { leadLabel, partLabel, STATUS_COLORS, statusLabel } from './key-task-format.ts';

type Me = { role: Role; platformKey: PlatformKey | null };

/** One task: its parts as of today, its monthly reports, the report form for the responsible users (R4.4). */
export function KeyTaskDrawer(props: { id: number | null; me: Me; onClose: () => void; onEdit: () => void }) {
  const { id, me, onClose, onEdit } = props;
  const task = useKeyTask(id);
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ platformKey: string; month: string; value: string; note: string }>();
  const [problem, setProblem] = useState<string | null>(null);
  const data = task.data;
  const reportable = data
    ? taskParts(data.platformKeys).filter((part) =>
        mayReportPart(me, { leadDepartment: data.leadDepartment, platformKeys: data.platformKeys }, part),
      )
    : [];
  const report = useMutation({
    mutationFn: (values: { platformKey: string; month: string; value: string; note: string }) => {
      // '' is the city-wide part (no platform).
      const platformKey = isPlatformKey(values.platformKey) ? values.platformKey : null;
      const existing = data!.reports.find((r) => r.month === values.month && r.platformKey === platformKey);
      return reportProgress(data!.id, { ...values, platformKey, version: existing?.version ?? 0 });
    },
    meta: { silent: true },
    onSuccess: () => {
      setProblem(null);
      form.resetFields(['value', 'note']);
      void queryClient.invalidateQueries({ queryKey: keyTaskKeys.all });
    },
    onError: (error) => {
      setProblem(error.message);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteKeyTask(data!.id, data!.version),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keyTaskKeys.all });
      onClose();
    },
  });
  const month = todayInShanghai().slice(0, 7);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.title ?? '重点任务'} destroyOnHidden>
      {task.error && <Alert type="error" showIcon title={task.error.message} />}
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="task-drawer">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="牵头部门">{leadLabel(data.leadDepartment)}</Descriptions.Item>
            <Descriptions.Item label="完成期限">{data.deadline}</Descriptions.Item>
            <Descriptions.Item label="目标值">
              {data.target} {data.unit}
              {data.platformKeys.length > 0 ? '（每个涉及平台）' : ''}
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLORS[data.status]}>{statusLabel(data.status)}</Tag>
              <Typography.Text type="secondary">按 {data.asOf} 计算</Typography.Text>
            </Descriptions.Item>
            {data.description ? (
              <Descriptions.Item label="任务说明" span={2}>
                {data.description}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Table
            size="small"
            rowKey={(part) => part.platformKey ?? 'whole'}
            pagination={false}
            dataSource={data.parts}
            columns={[
              { title: '承担部分', dataIndex: 'platformKey', render: partLabel },
              { title: '累计完成', render: (_v, p) => `${p.reached} / ${data.target} ${data.unit}` },
              {
                title: '完成率',
                render: (_v, p) => <Progress percent={Math.round(p.share * 1000) / 10} size="small" />,
              },
              { title: '最近报送', dataIndex: 'lastMonth', render: (m: string | null) => m ?? '尚未报送' },
              {
                title: '逾期',
                dataIndex: 'overdue',
                render: (o: boolean, p) =>
                  o ? <Tag color="error">逾期</Tag> : p.done ? `已完成 ${p.doneOn ?? ''}` : '',
              },
            ]}
          />
          <Typography.Text type="secondary">
            完成率 = 最近一次报送的累计完成值 ÷ 目标值（超过目标按 100% 计）；期限当天仍算按期，次日起未完成即逾期。
          </Typography.Text>
          <Typography.Title level={5}>月度进展</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={data.reports}
            locale={{ emptyText: '尚无进展报送' }}
            columns={[
              { title: '月份', dataIndex: 'month' },
              { title: '承担部分', dataIndex: 'platformKey', render: partLabel },
              { title: '累计完成', dataIndex: 'value', render: (v: string) => `${v} ${data.unit}` },
              { title: '进展说明', dataIndex: 'note' },
              { title: '报送', render: (_v, r) => `${r.reportedOn} ${r.reportedByName}` },
            ]}
          />
          {reportable.length > 0 && (
            <>
              <Typography.Title level={5}>报送本月进展</Typography.Title>
              {problem && <Alert type="error" showIcon title={problem} data-testid="progress-error" />}
              <Form
                form={form}
                layout="inline"
                initialValues={{ platformKey: reportable[0] ?? '', month, note: '' }}
                onFinish={(values) => {
                  report.mutate(values);
                }}
              >
                <Form.Item name="platformKey" label="承担部分">
                  <Select
                    style={{ width: 160 }}
                    options={reportable.map((p) => ({ value: p ?? '', label: partLabel(p) }))}
                  />
                </Form.Item>
                <Form.Item name="month" label="月份" rules={[{ required: true, message: '请填写月份' }]}>
                  <Input style={{ width: 100 }} placeholder="YYYY-MM" data-testid="progress-month" />
                </Form.Item>
                <Form.Item
                  name="value"
                  label="累计完成值"
                  rules={[{ required: true, whitespace: true, message: '请填写累计完成值' }]}
                >
                  <Input style={{ width: 120 }} inputMode="decimal" data-testid="progress-value" />
                </Form.Item>
                <Form.Item name="note" label="进展说明">
                  <Input style={{ width: 220 }} maxLength={2000} data-testid="progress-note" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={report.isPending} data-testid="progress-submit">
                  报送
                </Button>
              </Form>
            </>
          )}
          {can(me.role, 'keyTasks.edit') && (
            <Space>
              <Button onClick={onEdit} data-testid="task-edit">
                修改任务
              </Button>
              <Popconfirm
                title="删除该任务及其全部进展？"
                onConfirm={() => {
                  remove.mutate();
                }}
                okText="删除"
                cancelText="取消"
              >
                <Button danger>删除任务</Button>
              </Popconfirm>
            </Space>
          )}
        </Space>
      )}
    </Drawer>
  );
}
