import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { todayInShanghai } from '../shared/format.ts';
import {
  assessmentKeys,
  exportKeyProjects,
  saveMilestones,
  useKeyProjects,
  type KeyProjectView,
} from './assessment.api.ts';
import { assessmentYears, thisYear } from './assessment-format.ts';

const STATE_COLORS: Record<string, string> = {
  on_time: 'green',
  late: 'red',
  at_risk: 'orange',
  pending: 'default',
  unplanned: 'default',
};
const PLATFORM_NAMES: Record<string, string> = { oujiangkou: '瓯江口', zhenan: '浙南', hitech: '高新区' };
const KINDS = [
  ['signing', '签约'],
  ['registration', '注册落户'],
  ['construction_start', '开工建设'],
  ['first_output', '投产'],
] as const;
type Milestone = KeyProjectView['milestones'][number];
type FormValues = Record<string, Dayjs | string | null | undefined>;
const dayOf = (value: FormValues[string]) => (value && typeof value !== 'string' ? value.format('YYYY-MM-DD') : null);

/** 重点项目节点 (§四(三)): each quarter, each key project's milestones on time, late or at risk. */
export function MilestonesPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(thisYear());
  const [quarter, setQuarter] = useState(Math.ceil(Number(todayInShanghai().slice(5, 7)) / 3));
  const [lateOnly, setLateOnly] = useState(false);
  const list = useKeyProjects(year, quarter, lateOnly);
  const [editing, setEditing] = useState<KeyProjectView | null>(null);
  const [form] = Form.useForm<FormValues>();
  const canEdit = (project: KeyProjectView) =>
    Boolean(
      me && can(me.role, 'assessment.milestones') && (me.role !== 'platform' || me.platformKey === project.platformKey),
    );
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      saveMilestones(editing!.projectId, {
        responsibleUnit: String(values.responsibleUnit ?? ''),
        version: editing!.version,
        milestones: KINDS.map(([kind]) => ({
          kind,
          planned: dayOf(values[`${kind}-planned`]),
          actual: dayOf(values[`${kind}-actual`]),
        })),
      }),
    onSuccess: () => {
      message.success('节点计划已保存');
      setEditing(null);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.all });
    },
  });
  const open = (project: KeyProjectView) => {
    setEditing(project);
    form.setFieldsValue({
      responsibleUnit: project.responsibleUnit ?? '',
      ...Object.fromEntries(
        project.milestones.flatMap((m) => [
          [`${m.kind}-planned`, m.planned ? dayjs(m.planned) : null],
          [`${m.kind}-actual`, m.actual ? dayjs(m.actual) : null],
        ]),
      ),
    });
  };
  const items = list.data?.items ?? [];
  const lateCount = items.filter((p) => p.late).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap size="large">
          <Select
            data-testid="milestone-year"
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={assessmentYears().map((y) => ({ value: y, label: `${y} 年` }))}
          />
          <Select
            data-testid="milestone-quarter"
            value={quarter}
            onChange={setQuarter}
            style={{ width: 130 }}
            options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第 ${q} 季度末` }))}
          />
          <Space>
            <Switch checked={lateOnly} onChange={setLateOnly} data-testid="milestone-late-only" />
            <Typography.Text>只看有滞后节点的项目</Typography.Text>
          </Space>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportKeyProjects(year, quarter, lateOnly)}
            data-testid="milestone-export"
          >
            导出 Excel
          </Button>
          <Typography.Text type="secondary">
            判定日 {items[0]?.checkDay ?? `${year} 年第 ${quarter} 季度末`}：共 {items.length} 个重点项目，{lateCount}{' '}
            个有滞后节点。
          </Typography.Text>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          按期：在计划日期当天或之前完成；滞后：晚于计划日期完成，或判定日已过计划日期仍未完成；有滞后风险：未完成且计划日期在判定日后
          30 天内。注册落户的实际日期默认取项目的落地日期。
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="重点项目节点（盯引库项目）">
        <Table<KeyProjectView>
          data-testid="milestone-list"
          rowKey="projectId"
          size="small"
          loading={list.isFetching}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: lateOnly ? '本季度没有节点滞后的项目' : '盯引库中还没有项目；项目经招商局确认入库后出现在这里',
          }}
          columns={[
            {
              title: '项目',
              dataIndex: 'name',
              render: (name: string, p) => <a href={`/projects/${p.projectId}`}>{name}</a>,
            },
            { title: '平台', dataIndex: 'platformKey', width: 80, render: (key: string) => PLATFORM_NAMES[key] ?? key },
            {
              title: '责任单位',
              dataIndex: 'responsibleUnit',
              width: 170,
              render: (unit: string | null) => unit ?? '未指定',
            },
            ...KINDS.map(([kind, label]) => ({
              title: label,
              key: kind,
              width: 130,
              render: (_v: unknown, p: KeyProjectView) => {
                const m = p.milestones.find((each) => each.kind === kind) as Milestone;
                return (
                  <Tooltip title={`计划 ${m.planned ?? '未排'}，实际 ${m.actual ?? '未完成'}`}>
                    <Tag color={STATE_COLORS[m.state]}>{m.stateLabel}</Tag>
                    <div style={{ fontSize: 12, color: '#888' }}>{m.planned ?? '—'}</div>
                  </Tooltip>
                );
              },
            })),
            {
              title: '',
              key: 'edit',
              width: 80,
              render: (_v, p) =>
                canEdit(p) && (
                  <Button
                    size="small"
                    onClick={() => {
                      open(p);
                    }}
                    data-testid={`milestone-edit-${p.projectId}`}
                  >
                    编辑
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `节点计划：${editing.name}` : ''}
        okText="保存"
        cancelText="取消"
        onCancel={() => {
          setEditing(null);
        }}
        onOk={() => {
          form.submit();
        }}
        confirmLoading={save.isPending}
        width={620}
        forceRender
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(values) => {
            save.mutate(values);
          }}
          data-testid="milestone-form"
        >
          <Form.Item name="responsibleUnit" label="责任单位" rules={[{ required: true, message: '请填写责任单位' }]}>
            <Input maxLength={100} data-testid="milestone-unit" />
          </Form.Item>
          {KINDS.map(([kind, label]) => (
            <Space key={kind} size="large">
              <Form.Item name={`${kind}-planned`} label={`${label}计划日期`}>
                <DatePicker data-testid={`milestone-${kind}-planned`} />
              </Form.Item>
              <Form.Item name={`${kind}-actual`} label={`${label}实际完成日期`}>
                <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > todayInShanghai()} />
              </Form.Item>
            </Space>
          ))}
        </Form>
      </Modal>
    </Space>
  );
}
