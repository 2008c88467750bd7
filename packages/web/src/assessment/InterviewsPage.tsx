import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { formatDateTime, todayInShanghai } from '../shared/format.ts';
import {
  assessmentKeys,
  exportInterviews,
  recordInterview,
  useInterviews,
  type InterviewView,
} from './assessment.api.ts';
import { thisYear } from './assessment-format.ts';

const PLATFORMS = [
  { value: 'oujiangkou', label: '瓯江口产业集聚区' },
  { value: 'zhenan', label: '浙南产业集聚区' },
  { value: 'hitech', label: '温州高新区(浙南科技城)' },
];
const nameOf = (key: string) => PLATFORMS.find((p) => p.value === key)?.label ?? key;

type FormValues = {
  platformKey: string;
  year: number;
  reason: string;
  heldOn: Dayjs;
  participants: string;
  minutes: string;
  followUpDeadline: Dayjs;
};

/** 约谈记录 (R4.3): the drc records the interview of a warned platform; a platform reads its own. */
export function InterviewsPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [search] = useSearchParams();
  const list = useInterviews();
  const canRecord = Boolean(me && can(me.role, 'assessment.manage'));
  const [open, setOpen] = useState(Boolean(search.get('platform')) && canRecord);
  const [form] = Form.useForm<FormValues>();
  const assessmentId = Number(search.get('assessment')) || null;
  const save = useMutation({
    mutationFn: (values: FormValues) =>
      recordInterview({
        platformKey: values.platformKey as InterviewView['platformKey'],
        year: values.year,
        assessmentId,
        reason: values.reason,
        heldOn: values.heldOn.format('YYYY-MM-DD'),
        participants: values.participants,
        minutes: values.minutes,
        followUpDeadline: values.followUpDeadline.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success('约谈记录已保存');
      setOpen(false);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.interviews() });
    },
  });
  const today = todayInShanghai();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title="约谈记录"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void exportInterviews()} data-testid="interview-export">
              导出 Excel
            </Button>
            {canRecord && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => {
                  setOpen(true);
                }}
                data-testid="interview-new"
              >
                记录约谈
              </Button>
            )}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          考核连续两年末位或明显滞后于年度任务的平台，由领导小组办公室约谈并通报；整改期限已过的记录标为“已逾期”。
        </Typography.Paragraph>
        <Table<InterviewView>
          data-testid="interview-list"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: canRecord ? '还没有约谈记录；考核出现预警后点击“记录约谈”' : '本平台没有约谈记录' }}
          expandable={{
            expandedRowRender: (row) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                纪要：{row.minutes}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            { title: '约谈日期', dataIndex: 'heldOn', width: 110 },
            { title: '平台', dataIndex: 'platformKey', width: 200, render: nameOf },
            { title: '考核年度', dataIndex: 'year', width: 90 },
            { title: '事由', dataIndex: 'reason' },
            { title: '参加人员', dataIndex: 'participants' },
            {
              title: '整改期限',
              dataIndex: 'followUpDeadline',
              width: 150,
              render: (day: string, row) => (
                <span>
                  {day} {row.followUpOverdue && <Tag color="red">已逾期</Tag>}
                </span>
              ),
            },
            {
              title: '记录人',
              key: 'by',
              width: 200,
              render: (_v, row) => `${row.recordedByName} ${formatDateTime(row.recordedAt)}`,
            },
          ]}
        />
      </Card>
      <Modal
        open={open}
        title="记录约谈"
        okText="保存"
        cancelText="取消"
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() => {
          form.submit();
        }}
        confirmLoading={save.isPending}
        destroyOnHidden
        width={640}
      >
        <Form<FormValues>
          form={form}
          layout="vertical"
          data-testid="interview-form"
          initialValues={{
            platformKey: search.get('platform') ?? undefined,
            year: Number(search.get('year')) || thisYear() - 1,
            heldOn: dayjs(today),
            followUpDeadline: dayjs(today).add(90, 'day'),
          }}
          onFinish={(values) => {
            save.mutate(values);
          }}
        >
          <Space size="large">
            <Form.Item name="platformKey" label="平台" rules={[{ required: true, message: '请选择被约谈的平台' }]}>
              <Select style={{ width: 240 }} options={PLATFORMS} placeholder="请选择平台" />
            </Form.Item>
            <Form.Item name="year" label="考核年度" rules={[{ required: true, message: '请填写考核年度' }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label="约谈事由" rules={[{ required: true, message: '请填写约谈事由' }]}>
            <Input maxLength={500} placeholder="如：连续两年考核末位" data-testid="interview-reason" />
          </Form.Item>
          <Space size="large">
            <Form.Item name="heldOn" label="约谈日期" rules={[{ required: true, message: '请选择约谈日期' }]}>
              <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') > today} />
            </Form.Item>
            <Form.Item name="followUpDeadline" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
              <DatePicker />
            </Form.Item>
          </Space>
          <Form.Item name="participants" label="参加人员" rules={[{ required: true, message: '请填写参加人员' }]}>
            <Input maxLength={300} data-testid="interview-participants" />
          </Form.Item>
          <Form.Item name="minutes" label="约谈纪要" rules={[{ required: true, message: '请填写约谈纪要' }]}>
            <Input.TextArea rows={5} maxLength={5000} data-testid="interview-minutes" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
