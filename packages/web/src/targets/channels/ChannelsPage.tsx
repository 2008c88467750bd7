import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { can } from '@pgs/domain/platform/roles';
import {
  CHANNEL_KIND_LABELS,
  isEntrustedAgency,
  type ChannelKind,
  type createChannelSchema,
  type PlatformKey,
} from '@pgs/domain';
import type { In } from '../../api/contract.ts';
import { useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useMe } from '../../auth/session.ts';
import { isApiError } from '../../api/client.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { addContract, exportChannels, saveChannel, targetKeys, useChannels, type Channel } from '../targets.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { CHANNEL_KIND_OPTIONS, PLATFORM_OPTIONS, platformLabel } from '../target-labels.ts';

/** 市场化招商 (R2.8): entrusted agencies with contracts, business-led channels with who brought the leads. */
/** The new channel's fields as the contract takes them; a platform user's own platform is filled in, not chosen. */
type ChannelValues = Omit<In<typeof createChannelSchema>, 'platformKey'> & { platformKey?: PlatformKey };
/** The contract's period is one range picker; its two days become startOn and endOn. */
type ContractValues = { period: [Dayjs, Dayjs]; scope: string; feeTerms: string };

export function ChannelsPage() {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [platformKey, setPlatformKey] = useState<string | undefined>(me?.platformKey ?? undefined);
  const channels = useChannels(me?.platformKey ?? platformKey);
  const exporting = useDownload(() => exportChannels(me?.platformKey ?? platformKey));
  const mayEdit = me ? can(me.role, 'targets.edit') : false;
  const [adding, setAdding] = useState(false);
  const [contractFor, setContractFor] = useState<Channel | null>(null);
  const [form] = Form.useForm<ChannelValues>();
  const [contractForm] = Form.useForm<ContractValues>();
  const refresh = () => queryClient.invalidateQueries({ queryKey: targetKeys.all });
  const add = async () => {
    const values = await form.validateFields();
    try {
      // The platform field is required (and shown) exactly when the user has no platform of their own.
      await saveChannel(null, { ...values, platformKey: me?.platformKey ?? values.platformKey! });
      message.success('已新增渠道');
      setAdding(false);
      form.resetFields();
      await refresh();
    } catch (error) {
      message.error(isApiError(error) ? error.message : '保存失败，请稍后重试');
    }
  };
  const saveContract = async () => {
    const values = await contractForm.validateFields();
    const [start, end] = values.period;
    try {
      await addContract(contractFor!.id, {
        startOn: start.format('YYYY-MM-DD'),
        endOn: end.format('YYYY-MM-DD'),
        scope: values.scope,
        feeTerms: values.feeTerms,
        version: contractFor!.version,
      });
      message.success('已登记委托合同');
      setContractFor(null);
      contractForm.resetFields();
      await refresh();
    } catch (error) {
      message.error(isApiError(error) ? error.message : '保存失败，请稍后重试');
    }
  };
  return (
    <Card
      title="招商渠道"
      extra={
        <Space>
          <PlatformSelect value={platformKey} onChange={setPlatformKey} />
          {mayEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setAdding(true);
              }}
              data-testid="add-channel"
            >
              新增渠道
            </Button>
          )}
          <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={() => void exporting.start()}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        委托招商（咨询机构、会计师事务所、律师事务所）登记委托合同；以商招商（企业家、投资人、异地温州商会）注明引荐人。“带来目标企业”按目标企业库中注明该渠道的企业计数（跨季度同一企业只计一次），“已报项目”“已落地”为其中关联了项目、项目已落地的企业数。
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={channels.isLoading}
        dataSource={channels.data?.items}
        data-testid="channel-table"
        locale={{ emptyText: '还没有招商渠道：点“新增渠道”登记委托机构或以商招商的引荐人' }}
        columns={[
          { title: '平台', dataIndex: 'platformKey', render: platformLabel },
          { title: '类型', dataIndex: 'kind', render: (kind: ChannelKind) => CHANNEL_KIND_LABELS[kind] },
          { title: '名称', dataIndex: 'name' },
          { title: '引荐人', dataIndex: 'broughtBy', render: (v: string | null) => v ?? '—' },
          {
            title: '委托合同',
            render: (_, row) =>
              row.contracts.length === 0
                ? isEntrustedAgency(row.kind)
                  ? '未登记'
                  : '—'
                : row.contracts.map((c) => (
                    <div key={c.id}>
                      {c.startOn} 至 {c.endOn}：{c.scope}（{c.feeTerms}）
                    </div>
                  )),
          },
          { title: '带来目标企业', dataIndex: 'leads', align: 'right' },
          { title: '已报项目', dataIndex: 'reported', align: 'right' },
          {
            title: '已落地',
            dataIndex: 'landed',
            align: 'right',
            render: (v: number) => (v > 0 ? <Tag color="green">{v}</Tag> : v),
          },
          {
            title: '',
            render: (_, row) =>
              mayEdit && isEntrustedAgency(row.kind) ? (
                <Button
                  size="small"
                  onClick={() => {
                    setContractFor(row);
                  }}
                >
                  登记合同
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={adding}
        title="新增招商渠道"
        onCancel={() => {
          setAdding(false);
        }}
        onOk={() => void add()}
        okText="保存"
        cancelText="取消"
      >
        <Form form={form} layout="vertical">
          {!me?.platformKey && (
            <Form.Item name="platformKey" label="平台" rules={[{ required: true, message: '请选择平台' }]}>
              <Select options={PLATFORM_OPTIONS} />
            </Form.Item>
          )}
          <Form.Item name="kind" label="渠道类型" rules={[{ required: true, message: '请选择渠道类型' }]}>
            <Select options={CHANNEL_KIND_OPTIONS} data-testid="channel-kind" />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
            <Input maxLength={200} data-testid="channel-name" />
          </Form.Item>
          <Form.Item name="broughtBy" label="引荐人（以商招商）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="contact" label="联系方式">
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={contractFor !== null}
        title={`登记委托合同：${contractFor?.name ?? ''}`}
        onCancel={() => {
          setContractFor(null);
        }}
        onOk={() => void saveContract()}
        okText="保存"
        cancelText="取消"
      >
        <Form form={contractForm} layout="vertical">
          <Form.Item name="period" label="合同期限" rules={[{ required: true, message: '请选择合同期限' }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="scope"
            label="委托范围"
            rules={[{ required: true, whitespace: true, message: '请填写委托范围' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="feeTerms"
            label="费用条款"
            rules={[{ required: true, whitespace: true, message: '请填写费用条款' }]}
          >
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
