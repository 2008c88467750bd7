import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import { handleError } from '../../api/queryClient.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { addStaff, exportRoster, tripKeys, updateStaff, useStaff, type StaffView } from '../trips.api.ts';
import { PLATFORM_OPTIONS, usePlatformChoice } from '../components/usePlatformChoice.ts';

type FormValues = {
  name: string;
  position: string;
  mainLeader: boolean;
  takesPartInInvestment: boolean;
  fromMonth?: string;
  untilMonth?: string;
};

const MONTH_RULE = { pattern: /^20\d{2}-(0[1-9]|1[0-2])$/, message: '月份格式为 YYYY-MM，如 2026-03' };

/** R2.8 roster (名册): who is a main leader and who takes part in investment — the staff share counts these rows. */
export function RosterPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { platformKey, setPlatformKey, fixed, role } = usePlatformChoice();
  const staff = useStaff(platformKey);
  const mayEdit = role ? can(role, 'trips.report') : false;
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const exporting = useDownload(() => exportRoster(platformKey ?? ''));

  const open = (person: StaffView | 'new') => {
    setEditing(person);
    form.setFieldsValue(
      person === 'new'
        ? { name: '', position: '', mainLeader: false, takesPartInInvestment: false, fromMonth: '', untilMonth: '' }
        : { ...person, untilMonth: person.untilMonth ?? '' },
    );
  };

  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const body = {
        name: values.name,
        position: values.position,
        mainLeader: values.mainLeader,
        takesPartInInvestment: values.takesPartInInvestment,
        ...(values.fromMonth ? { fromMonth: values.fromMonth } : {}),
        untilMonth: values.untilMonth ? values.untilMonth : null,
      };
      if (editing === 'new') await addStaff(platformKey ?? '', body);
      else if (editing)
        // The form requires the month when a person is changed; an empty one gets the server's message.
        await updateStaff(editing.id, { ...body, fromMonth: values.fromMonth ?? '', version: editing.version });
      message.success('名册已保存');
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: tripKeys.all });
    } catch (error) {
      handleError(error);
      await queryClient.invalidateQueries({ queryKey: tripKeys.staff(platformKey ?? '') });
    } finally {
      setSaving(false);
    }
  };

  const rows = staff.data?.items ?? [];
  const current = rows.filter((r) => r.untilMonth === null);
  const takingPart = current.filter((r) => r.takesPartInInvestment).length;
  return (
    <Card
      title="招商人员名册"
      extra={
        <Space wrap>
          {!fixed && (
            <Select
              aria-label="平台"
              style={{ width: 220 }}
              value={platformKey}
              options={PLATFORM_OPTIONS}
              onChange={setPlatformKey}
            />
          )}
          <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={() => void exporting.start()}>
            导出 Excel
          </Button>
          {mayEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                open('new');
              }}
            >
              新增人员
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        在岗 {current.length} 人，其中参与招商和项目服务 {takingPart}{' '}
        人。“全体人员1/3以上参与招商和项目服务”按每月在册人员计算：参与人数 × 3 ≥
        在册总人数即达标。主要负责人每月须外出招商不少于1次、招商工作时间占1/3以上。
      </Typography.Paragraph>
      <Table<StaffView>
        rowKey="id"
        size="middle"
        loading={staff.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{
          emptyText: mayEdit ? '名册还没有人员：点击“新增人员”添加本平台的主要负责人和工作人员' : '该平台尚未填报名册',
        }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '职务', dataIndex: 'position' },
          {
            title: '主要负责人',
            dataIndex: 'mainLeader',
            render: (value: boolean) => (value ? <Tag color="blue">主要负责人</Tag> : '—'),
          },
          {
            title: '参与招商和项目服务',
            dataIndex: 'takesPartInInvestment',
            render: (value: boolean) => (value ? <Tag color="green">参与</Tag> : '不参与'),
          },
          { title: '在册起始月份', dataIndex: 'fromMonth' },
          { title: '离开月份', dataIndex: 'untilMonth', render: (value: string | null) => value ?? '在岗' },
          ...(mayEdit
            ? [
                {
                  title: '操作',
                  key: 'edit',
                  render: (_: unknown, person: StaffView) => (
                    <Button
                      size="small"
                      onClick={() => {
                        open(person);
                      }}
                    >
                      修改
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增人员' : '修改人员'}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => {
          setEditing(null);
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" requiredMark>
          <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="position" label="职务" rules={[{ required: true, whitespace: true, message: '请填写职务' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="mainLeader" label="主要负责人" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          <Form.Item name="takesPartInInvestment" label="参与招商和项目服务" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
          <Form.Item
            name="fromMonth"
            label="在册起始月份"
            extra={editing === 'new' ? '不填则为本月' : undefined}
            rules={editing === 'new' ? [MONTH_RULE] : [{ required: true, message: '请填写在册起始月份' }, MONTH_RULE]}
          >
            <Input placeholder="如 2025-01" maxLength={7} />
          </Form.Item>
          <Form.Item name="untilMonth" label="离开月份" extra="仍在岗请留空" rules={[MONTH_RULE]}>
            <Input placeholder="如 2026-06" maxLength={7} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
