import { useRef, useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import {
  earliestStageDate,
  PROJECT_STATUS_LABELS,
  shanghaiDay,
  stageDateProblem,
  type ProjectStatus,
} from '@pgs/domain';
import { moveProject, projectKeys, useProject } from '../projects.api.ts';
import { showRefusal } from './refusal.ts';

export type StageMove = {
  project: { id: number; name: string; version: number; status: ProjectStatus };
  to: ProjectStatus;
};

type Values = { effectiveDate: Dayjs; reason?: string };

const needsReason = (to: ProjectStatus) => to === 'lost' || to === 'rejected';

/**
 * Every stage move is confirmed with the day it really happened (issue #9, #10.6): default today, never in the
 * future, never before the previous stage's day — the same rule the server applies. Lost and rejected also ask
 * for the reason. Sends the version the user saw, so a project moved by someone else meanwhile is refused (409).
 */
export function StageMoveModal({
  move,
  onClose,
  onMoved,
}: {
  move: StageMove | null;
  onClose: () => void;
  onMoved?: (id: number) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  // A second click before the first answer must not send the move twice.
  const sending = useRef(false);
  const detail = useProject(move?.project.id ?? 0, move !== null);
  const today = shanghaiDay(new Date());
  const earliest = detail.data ? earliestStageDate(detail.data.history) : null;
  const picked = Form.useWatch('effectiveDate', form) as Dayjs | undefined;
  const dateProblem = picked ? stageDateProblem({ date: picked.format('YYYY-MM-DD'), today, earliest }) : null;

  const submit = async (values: Values) => {
    if (!move || sending.current) return;
    sending.current = true;
    setSaving(true);
    const { project, to } = move;
    try {
      await moveProject(project.id, {
        to,
        version: project.version,
        reason: values.reason,
        effectiveDate: values.effectiveDate.format('YYYY-MM-DD'),
      });
      message.success(`“${project.name}”已转为“${PROJECT_STATUS_LABELS[to]}”`);
      onMoved?.(project.id);
      onClose();
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
    } catch (error) {
      await showRefusal(error, queryClient);
      onClose();
    } finally {
      sending.current = false;
      setSaving(false);
    }
  };

  const to = move?.to;
  return (
    <Modal
      open={move !== null}
      title={to ? `确认${to === 'tracked' ? '入盯引库' : `转为“${PROJECT_STATUS_LABELS[to]}”`}` : ''}
      okText="确认"
      okButtonProps={{
        danger: to ? needsReason(to) : false,
        loading: saving,
        disabled: dateProblem !== null || detail.isPending,
        'data-testid': 'stage-move-confirm',
      }}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
      data-testid="stage-move-modal"
    >
      {move && to && (
        <>
          <Typography.Paragraph>
            项目“{move.project.name}”：{PROJECT_STATUS_LABELS[move.project.status]} →{' '}
            <Typography.Text strong>{PROJECT_STATUS_LABELS[to]}</Typography.Text>
          </Typography.Paragraph>
          {/* Enter in the date field picks a date; it must not submit the move behind the user's back (a form with
              one text field submits on Enter). The move is made only by 确认. */}
          <Form<Values>
            form={form}
            layout="vertical"
            preserve={false}
            onFinish={(values) => void submit(values)}
            initialValues={{ effectiveDate: dayjs(today) }}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.target as HTMLElement).tagName === 'INPUT') event.preventDefault();
            }}
          >
            <Form.Item
              name="effectiveDate"
              label={to === 'landed' ? '落地日期' : to === 'signed' ? '签约日期' : '发生日期'}
              tooltip="该阶段实际发生的日期：不晚于今天，不早于上一阶段的日期。年度招商完成情况按落地日期计入年份。"
              validateStatus={dateProblem ? 'error' : undefined}
              help={dateProblem ?? (earliest ? `可选 ${earliest} 至 ${today}` : undefined)}
              rules={[{ required: true, message: '请选择日期' }]}
            >
              <DatePicker
                allowClear={false}
                disabledDate={(day) =>
                  day.format('YYYY-MM-DD') > today || (earliest !== null && day.format('YYYY-MM-DD') < earliest)
                }
                data-testid="stage-move-date"
              />
            </Form.Item>
            {needsReason(to) && (
              <Form.Item
                name="reason"
                label="原因（必填）"
                rules={[
                  { required: true, whitespace: true, message: '请填写原因' },
                  { max: 2000, message: '原因不能超过 2000 个字' },
                ]}
              >
                <Input.TextArea rows={3} data-testid="stage-move-reason" />
              </Form.Item>
            )}
          </Form>
          {to === 'landed' && <Alert type="info" showIcon title="落地日期决定该项目计入哪一年的招商引资任务完成数。" />}
        </>
      )}
    </Modal>
  );
}
