import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LEAD_DEPARTMENTS, PLATFORMS, type keyTaskInputSchema, type KeyTaskView } from '@pgs/domain';
import type { In } from '../api/contract.ts';
import { createKeyTask, keyTaskKeys, updateKeyTask } from './key-tasks.api.ts';
import { leadLabel } from './key-task-format.ts';

/** The task's fields as the contract takes them; the year is the list's. */
type Values = Omit<In<typeof keyTaskInputSchema>, 'year'>;

/** The drc adds or changes a task of the year's list (R4.4); the server's refusal is shown above the form. */
export function KeyTaskForm(props: { year: number; task: KeyTaskView | null; open: boolean; onClose: () => void }) {
  const { year, task, open, onClose } = props;
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: Values) =>
      task ? updateKeyTask(task.id, { ...values, year, version: task.version }) : createKeyTask({ ...values, year }),
    meta: { silent: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keyTaskKeys.all });
      onClose();
    },
    onError: (error) => {
      setProblem(error.message);
    },
  });
  return (
    <Modal
      title={task ? '修改重点任务' : '新增重点任务'}
      open={open}
      onCancel={onClose}
      onOk={() => {
        form.submit();
      }}
      okText="保存"
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="task-form-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          task
            ? { ...task, platformKeys: task.platformKeys }
            : { platformKeys: [], deadline: `${year}-12-31`, leadDepartment: 'drc', description: '' }
        }
        onFinish={(values) => {
          setProblem(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="title"
          label="任务名称"
          rules={[{ required: true, whitespace: true, message: '请填写任务名称' }]}
        >
          <Input maxLength={200} data-testid="task-title" />
        </Form.Item>
        <Form.Item name="leadDepartment" label="牵头部门" rules={[{ required: true, message: '请选择牵头部门' }]}>
          <Select options={LEAD_DEPARTMENTS.map((d) => ({ value: d, label: leadLabel(d) }))} data-testid="task-lead" />
        </Form.Item>
        <Form.Item
          name="platformKeys"
          label="涉及平台"
          extra="不选则为牵头部门自身任务；选了平台时，目标值为每个平台应完成的数"
        >
          <Checkbox.Group options={PLATFORMS.map((p) => ({ value: p.key, label: p.shortName }))} />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="完成期限"
          extra={`${year} 年内的日期，如 ${year}-06-30`}
          rules={[{ required: true, message: '请填写完成期限' }]}
        >
          <Input placeholder="YYYY-MM-DD" data-testid="task-deadline" />
        </Form.Item>
        <Form.Item name="target" label="目标值" rules={[{ required: true, whitespace: true, message: '请填写目标值' }]}>
          <Input inputMode="decimal" data-testid="task-target" />
        </Form.Item>
        <Form.Item
          name="unit"
          label="计量单位"
          rules={[{ required: true, whitespace: true, message: '请填写计量单位' }]}
        >
          <Input maxLength={20} placeholder="如 个、亩、亿元" data-testid="task-unit" />
        </Form.Item>
        <Form.Item name="description" label="任务说明">
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
