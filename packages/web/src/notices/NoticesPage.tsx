import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Drawer,
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
import { DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import { DEFAULT_NOTICE_WORKING_DAYS, type NoticeKind, type NoticeStatus, type NoticeView } from '@pgs/domain';
import type { Role } from '@pgs/domain/platform/roles';
import { useMe } from '../auth/session.ts';
import { formatDateTime, todayInShanghai } from '../shared/format.ts';
import {
  answerObjection,
  createNotice,
  exportObjections,
  noticeKeys,
  useNotice,
  useNotices,
  usePublishedAssessments,
  usePublishedRuns,
  type NoticeDetail,
} from './notices.api.ts';
import { NOTICE_KIND_WORDS, NOTICE_STATUS_COLORS, noticeStatusLabel } from './notice-format.ts';

/** Who starts and answers each kind of notice: the eitc the mu-evaluation (R3.2), the drc the assessment (R4.2). */
const KIND_PERMISSION = { mu_evaluation: 'evaluations.manage', platform_assessment: 'assessment.manage' } as const;
const managesKind = (role: Role | undefined, kind: NoticeKind) =>
  role !== undefined && can(role, 'notices.manage') && can(role, KIND_PERMISSION[kind]);

/**
 * 结果公示: the eitc puts a published mu-evaluation on public notice (R3.2), the drc a published yearly assessment
 * of the platforms (R4.2); each answers the objections to its own notices.
 */
export function NoticesPage() {
  const { data: me } = useMe();
  const notices = useNotices();
  const ownKind: NoticeKind | null = managesKind(me?.role, 'mu_evaluation')
    ? 'mu_evaluation'
    : managesKind(me?.role, 'platform_assessment')
      ? 'platform_assessment'
      : null;
  const canManage = ownKind !== null;
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          {canManage && (
            <Button
              type="primary"
              icon={<NotificationOutlined />}
              onClick={() => {
                setCreating(true);
              }}
              data-testid="notice-new"
            >
              发起公示
            </Button>
          )}
          <Button href="/public/notices" target="_blank">
            查看公众页面
          </Button>
          <Typography.Text type="secondary">
            公示期按工作日计算（默认 {DEFAULT_NOTICE_WORKING_DAYS}{' '}
            个工作日，遇法定节假日和周末顺延，调休上班日计入）；公示期满且全部异议已答复后，结果为“公示结束”。
          </Typography.Text>
        </Space>
      </Card>
      <Card size="small" title="结果公示">
        <Table<NoticeView>
          rowKey="id"
          size="small"
          loading={notices.isFetching}
          dataSource={notices.data?.items ?? []}
          pagination={false}
          onRow={(n) => ({
            onClick: () => {
              setOpenId(n.id);
            },
            style: { cursor: 'pointer' },
          })}
          locale={{ emptyText: canManage ? '尚无公示：发布评价后点击“发起公示”' : '尚无公示' }}
          columns={[
            { title: '公示', dataIndex: 'title', render: (t: string) => <a>{t}</a> },
            { title: '公示期', render: (_v, n) => `${n.startDay} 至 ${n.endDay}（${n.workingDays} 个工作日）` },
            { title: '名单', dataIndex: 'entries', render: (c: number, n) => `${c} ${NOTICE_KIND_WORDS[n.kind].unit}` },
            { title: '异议', render: (_v, n) => `${n.objections} 件（待答复 ${n.unanswered}）` },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: NoticeStatus) => <Tag color={NOTICE_STATUS_COLORS[s]}>{noticeStatusLabel(s)}</Tag>,
            },
          ]}
          data-testid="notice-table"
        />
      </Card>
      {creating && ownKind && (
        <CreateNotice
          kind={ownKind}
          onClose={() => {
            setCreating(false);
          }}
        />
      )}
      <NoticeDrawer
        id={openId}
        role={me?.role}
        onClose={() => {
          setOpenId(null);
        }}
      />
    </Space>
  );
}

function CreateNotice({ kind, onClose }: { kind: NoticeKind; onClose: () => void }) {
  const runs = usePublishedRuns(kind === 'mu_evaluation');
  const assessments = usePublishedAssessments(kind === 'platform_assessment');
  const subjects =
    kind === 'mu_evaluation'
      ? (runs.data?.items ?? []).map((r) => ({ value: r.id, label: `${r.year} 年度评价（${r.total} 家）` }))
      : (assessments.data?.items ?? []).map((a) => ({
          value: a.id,
          label: `${a.year} 年度平台考核（截至 ${a.asOf}）`,
        }));
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [form] = Form.useForm<{ subjectId: number; startDay: string; workingDays: number }>();
  const save = useMutation({
    mutationFn: (values: { subjectId: number; startDay: string; workingDays: number }) =>
      createNotice({ kind, ...values }),
    meta: { silent: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: noticeKeys.all });
      onClose();
    },
    onError: (error) => {
      setProblem(error.message);
    },
  });
  return (
    <Modal
      open
      title="发起结果公示"
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText="发起公示"
      confirmLoading={save.isPending}
    >
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="notice-error" />
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ startDay: todayInShanghai(), workingDays: DEFAULT_NOTICE_WORKING_DAYS }}
        onFinish={(values) => {
          save.mutate(values);
        }}
      >
        <Form.Item
          name="subjectId"
          label={kind === 'mu_evaluation' ? '已发布的亩均评价' : '已发布的平台年度考核'}
          rules={[{ required: true, message: kind === 'mu_evaluation' ? '请选择要公示的评价' : '请选择要公示的考核' }]}
        >
          <Select
            loading={runs.isFetching || assessments.isFetching}
            options={subjects}
            notFoundContent={
              kind === 'mu_evaluation'
                ? '尚无已发布的评价：请先在“评价运行与发布”中发布'
                : '尚无已发布的考核：请先在“年度考核”中发布'
            }
            data-testid="notice-run"
          />
        </Form.Item>
        <Form.Item name="startDay" label="公示开始日期" rules={[{ required: true, message: '请填写开始日期' }]}>
          <Input placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item name="workingDays" label="公示期（工作日）" rules={[{ required: true, message: '请填写公示天数' }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NoticeDrawer({ id, role, onClose }: { id: number | null; role: Role | undefined; onClose: () => void }) {
  const notice = useNotice(id);
  const data = notice.data;
  const canManage = data !== undefined && managesKind(role, data.kind);
  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={data?.title ?? '公示'} destroyOnHidden>
      {data && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="notice-drawer">
          <Space wrap>
            <Tag color={NOTICE_STATUS_COLORS[data.status]}>{noticeStatusLabel(data.status)}</Tag>
            <span>
              公示期 {data.startDay} 至 {data.endDay}；发起 {formatDateTime(data.createdAt)} {data.createdByName}
            </span>
            <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportObjections(data)}>
              导出异议 Excel
            </Button>
          </Space>
          {data.objectionList.length === 0 && <Typography.Text type="secondary">尚无异议。</Typography.Text>}
          {data.objectionList.map((o) => (
            <Objection key={o.id} notice={data} objection={o} canManage={canManage} />
          ))}
        </Space>
      )}
    </Drawer>
  );
}

function Objection(props: {
  notice: NoticeDetail;
  objection: NoticeDetail['objectionList'][number];
  canManage: boolean;
}) {
  const { notice, objection, canManage } = props;
  const queryClient = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => answerObjection(notice.id, objection.id, { answer, version: objection.version }),
    meta: { silent: true },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: noticeKeys.all }),
    onError: (error) => {
      setProblem(error.message);
    },
  });
  return (
    <Card
      size="small"
      title={`${objection.reference}（${formatDateTime(objection.submittedAt)}）`}
      data-testid="objection"
    >
      <p>统一社会信用代码：{objection.creditCode}</p>
      <p>联系人及电话：{objection.contact}</p>
      <p>异议理由：{objection.reason}</p>
      {objection.answer !== null ? (
        <Alert
          type="success"
          title={`答复（${formatDateTime(objection.answeredAt)} ${objection.answeredByName ?? ''}）：${objection.answer}`}
        />
      ) : canManage ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {problem && <Alert type="error" showIcon title={problem} />}
          <Input.TextArea
            rows={3}
            value={answer}
            onChange={(e) => {
              setAnswer(e.target.value);
            }}
            maxLength={2000}
            data-testid="answer-text"
          />
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => {
              save.mutate();
            }}
            data-testid="answer-submit"
          >
            记录答复
          </Button>
        </Space>
      ) : (
        <Tag color="warning">待答复</Tag>
      )}
    </Card>
  );
}
