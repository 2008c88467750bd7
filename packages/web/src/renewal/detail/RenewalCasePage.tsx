import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Modal,
  Result,
  Space,
  Spin,
  Steps,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router';
import { RENEWAL_TRACK_LABELS, type RenewalCaseDetail } from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../../auth/session.ts';
import { platformShortName } from '../../projects/components/project-format.ts';
import { useRecordStep, useRenewalCase, useWithdrawCase } from '../renewal.api.ts';
import { OverdueTag, StatusTag, wayLabel } from '../components/renewal-format.tsx';

/** 案件详情: what the case is, its owner and deadline, its steps as a timeline, and the form for the next step. */
export function RenewalCasePage() {
  const id = Number(useParams().id);
  const query = useRenewalCase(Number.isInteger(id) ? id : 0);
  const { data: me } = useMe();
  if (query.isPending) return <Spin />;
  if (query.isError || !me)
    return (
      <Result
        status="404"
        title="没有找到这个案件"
        subTitle={query.error?.message ?? '案件不存在，或不属于您的平台。'}
        extra={<Link to="/renewal">返回案件看板</Link>}
      />
    );
  const c = query.data;
  const current = c.steps.findIndex((s) => s.date === null);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="case-title">{c.enterpriseName}</span>
            <StatusTag c={c} />
            <OverdueTag c={c} />
          </Space>
        }
      >
        <Descriptions column={3} size="small" bordered>
          <Descriptions.Item label="案件类型">{RENEWAL_TRACK_LABELS[c.track]}</Descriptions.Item>
          <Descriptions.Item label="平台">{platformShortName(c.platformKey)}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">
            <Link to={`/enterprises/${c.creditCode}`}>{c.creditCode}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="责任部门">{c.department}</Descriptions.Item>
          <Descriptions.Item label="责任人">{c.responsiblePerson}</Descriptions.Item>
          <Descriptions.Item label="行业代码">{c.industryCode ?? '未填'}</Descriptions.Item>
          <Descriptions.Item label="立案日期">{c.openedOn}</Descriptions.Item>
          <Descriptions.Item label="完成期限">
            <span data-testid="case-deadline-value">{c.deadline}</span>
          </Descriptions.Item>
          <Descriptions.Item label="完成日期">{c.completedOn ?? '未完成'}</Descriptions.Item>
          {c.planYear && <Descriptions.Item label="计划年度">{c.planYear} 年度淘汰落后产能计划</Descriptions.Item>}
          {wayLabel(c) && <Descriptions.Item label="措施／方式">{wayLabel(c)}</Descriptions.Item>}
          {c.violation && <Descriptions.Item label="违规情形">{c.violation}</Descriptions.Item>}
          {c.originalCapacity && (
            <Descriptions.Item label="产能（原有 → 改造后）">
              {c.originalCapacity} → {c.plannedCapacity} {c.capacityUnit}（环保、安全、能耗均已确认）
            </Descriptions.Item>
          )}
          {c.parcelCode && (
            <Descriptions.Item label="腾空地块编号">
              {/* The parcel in the ledger (腾空 is recorded on it when the case completes): its page when the reader
                  may open it, else the ledger searched for the code. */}
              <Link
                to={c.parcelId === null ? `/parcels?q=${encodeURIComponent(c.parcelCode)}` : `/parcels/${c.parcelId}`}
                data-testid="case-parcel"
              >
                {c.parcelCode}
              </Link>
              {c.status === 'completed' ? '（已在地块台账登记腾空）' : '（案件完成时在地块台账登记腾空）'}
            </Descriptions.Item>
          )}
          {c.note && <Descriptions.Item label="备注">{c.note}</Descriptions.Item>}
          {c.closedReason && <Descriptions.Item label="撤销原因">{c.closedReason}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card title="办理步骤">
        <Steps
          data-testid="case-steps"
          orientation="vertical"
          current={current === -1 ? c.steps.length : current}
          status={c.overdue ? 'error' : undefined}
          items={c.steps.map((s) => ({
            title: s.label,
            description: s.date
              ? `${s.date}${s.note ? `：${s.note}` : ''}`
              : c.status === 'withdrawn'
                ? '案件已撤销'
                : '尚未登记',
          }))}
        />
        {c.nextStep && can(me.role, 'renewal.manage') && <NextStepForm c={c} />}
        {c.nextStep && !can(me.role, 'renewal.manage') && (
          <Typography.Text type="secondary">只读：您的角色可查看案件，不能登记进展。</Typography.Text>
        )}
      </Card>
      {c.nextStep && can(me.role, 'renewal.withdraw') && <WithdrawButton c={c} />}
    </Space>
  );
}

function NextStepForm({ c }: { c: RenewalCaseDetail }) {
  const [form] = Form.useForm<{ date: Dayjs; note?: string }>();
  const record = useRecordStep(c.id);
  const submit = async () => {
    const values = await form.validateFields();
    await record.mutateAsync({
      step: c.nextStep!.key,
      date: values.date.format('YYYY-MM-DD'),
      note: values.note || undefined,
      version: c.version,
    });
    form.resetFields();
  };
  return (
    <Form form={form} layout="inline" data-testid="next-step-form" style={{ marginTop: 16 }}>
      <Form.Item label="下一步">
        <Typography.Text strong data-testid="next-step-label">
          {c.nextStep!.label}
        </Typography.Text>
      </Form.Item>
      <Form.Item name="date" label="发生日期" rules={[{ required: true, message: '请选择发生日期' }]}>
        <DatePicker format="YYYY-MM-DD" data-testid="step-date" />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input maxLength={2000} style={{ width: 260 }} data-testid="step-note" />
      </Form.Item>
      <Button
        type="primary"
        loading={record.isPending}
        onClick={() => void submit().catch(() => undefined)}
        data-testid="record-step"
      >
        登记
      </Button>
      <Alert
        style={{ marginTop: 8, width: '100%' }}
        type="info"
        showIcon
        title="步骤须按顺序登记，日期不能早于上一步或晚于今天；最后一步登记后案件即完成。"
      />
    </Form>
  );
}

function WithdrawButton({ c }: { c: RenewalCaseDetail }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useWithdrawCase(c.id);
  return (
    <>
      <Button
        danger
        onClick={() => {
          setOpen(true);
        }}
        data-testid="withdraw-case"
      >
        撤销案件
      </Button>
      <Modal
        open={open}
        title="撤销案件"
        okText="撤销"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        confirmLoading={withdraw.isPending}
        onCancel={() => {
          setOpen(false);
        }}
        onOk={() =>
          void withdraw
            .mutateAsync({ reason, version: c.version })
            .then(() => {
              setOpen(false);
            })
            .catch(() => undefined)
        }
      >
        <Typography.Paragraph>撤销后不能再登记进展。请写明原因（必填）：</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
          }}
          data-testid="withdraw-reason"
        />
      </Modal>
    </>
  );
}
