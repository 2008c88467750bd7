import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Layout, List, Result, Space, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { creditCodeProblem, normaliseCreditCode, type PublicNoticeView } from '@pgs/domain';
import { PagedTable } from '../shared/PagedTable.tsx';
import { usePaging } from '../shared/usePaging.ts';
import { lodgeObjection, usePublicEntries, usePublicNotices, type ObjectionBody } from './notices.api.ts';
import { NOTICE_KIND_WORDS, NOTICE_STATUS_COLORS, noticeStatusLabel, resultText } from './notice-format.ts';

/**
 * The public notice page (R3.2 公示), outside the signed-in layout and without login: the notices, the names and
 * classes they list, and the objection form. It links to nothing inside the system.
 */
export function PublicNoticesPage() {
  const notices = usePublicNotices();
  // The notice read (`?notice=`) and its list's page (`?page=`) are kept in the address, so Back and a reload
  // come back to the same place; another notice starts at its first page.
  const [search, setSearch] = useSearchParams();
  const chosen = Number(search.get('notice')) || null;
  const choose = (id: number) => {
    setSearch(
      (current) => {
        const params = new URLSearchParams(current);
        params.set('notice', String(id));
        params.delete('page');
        return params;
      },
      { replace: true },
    );
  };
  const items = notices.data?.items ?? [];
  const current = items.find((n) => n.id === chosen) ?? items[0] ?? null;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#1f5fad', color: '#fff', fontSize: 18 }}>
        温州市产业平台 · 结果公示
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {notices.error && <Alert type="error" showIcon title={notices.error.message} />}
          <Card size="small" title="公示事项">
            <List
              dataSource={items}
              locale={{ emptyText: '目前没有公示事项' }}
              renderItem={(n) => (
                <List.Item
                  onClick={() => {
                    if (n.id !== current?.id) choose(n.id);
                  }}
                  style={{ cursor: 'pointer', background: current?.id === n.id ? '#e6f0fb' : undefined, padding: 8 }}
                  data-testid="public-notice"
                >
                  <Space wrap>
                    <Typography.Text strong>{n.title}</Typography.Text>
                    <span>
                      公示期：{n.startDay} 至 {n.endDay}
                    </span>
                    <Tag color={NOTICE_STATUS_COLORS[n.status]}>{noticeStatusLabel(n.status)}</Tag>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          {current && <NoticeEntries key={current.id} notice={current} />}
          {current && <ObjectionForm key={`form-${current.id}`} notice={current} />}
        </Space>
      </Layout.Content>
    </Layout>
  );
}

function NoticeEntries({ notice }: { notice: PublicNoticeView }) {
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  const paging = usePaging(20);
  const entries = usePublicEntries(notice.id, q, paging.page, paging.pageSize);
  const words = NOTICE_KIND_WORDS[notice.kind];
  return (
    <Card size="small" title={`${notice.title}：名单（共 ${notice.entries} ${words.unit}）`}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{words.intro}</Typography.Text>
        <Input.Search
          placeholder={`输入${words.noun}名称查找`}
          allowClear
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
          }}
          onSearch={(value) => {
            setQ(value.trim());
            paging.reset();
          }}
          style={{ maxWidth: 320 }}
          data-testid="public-search"
        />
        {entries.error && <Alert type="error" showIcon title={entries.error.message} />}
        <PagedTable
          size="small"
          rowKey={(e, i) => `${e.name}-${i}`}
          query={entries}
          paging={paging}
          pageSizeOptions={false}
          locale={{ emptyText: q ? `没有名称含“${q}”的${words.noun}` : '名单为空' }}
          columns={[
            { title: words.nameTitle, dataIndex: 'name' },
            {
              title: words.resultTitle,
              dataIndex: 'result',
              width: 120,
              render: (c: string) => resultText(notice.kind, c),
            },
          ]}
          data-testid="public-entries"
        />
      </Space>
    </Card>
  );
}

function ObjectionForm({ notice }: { notice: PublicNoticeView }) {
  const [form] = Form.useForm<ObjectionBody>();
  const [problem, setProblem] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (values: ObjectionBody) => lodgeObjection(notice.id, values),
    meta: { silent: true },
    onSuccess: () => {
      setProblem(null);
    },
    onError: (error) => {
      setProblem(error.message);
    },
  });
  if (send.data)
    return (
      <Card size="small">
        <Result
          status="success"
          title={`异议已提交，受理编号：${send.data.reference}`}
          subTitle="请保存受理编号，市经信委将在核实后通过您留下的联系方式答复。"
          extra={
            <Button
              onClick={() => {
                send.reset();
              }}
            >
              再提交一件
            </Button>
          }
          data-testid="objection-receipt"
        />
      </Card>
    );
  if (notice.status !== 'open')
    return (
      <Alert
        type="info"
        showIcon
        title={`该公示的异议受理期为 ${notice.startDay} 至 ${notice.endDay}，现不受理异议。`}
      />
    );
  return (
    <Card size="small" title="提出异议">
      <Typography.Paragraph type="secondary">
        对公示结果有异议的{NOTICE_KIND_WORDS[notice.kind].noun}，请在公示期内（{notice.startDay} 至 {notice.endDay}
        ）填写下表。带 * 为必填项。
      </Typography.Paragraph>
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} data-testid="objection-error" />
      )}
      <Form<ObjectionBody>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          send.mutate(values);
        }}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="creditCode"
          label="统一社会信用代码"
          rules={[
            { required: true, whitespace: true, message: '请填写统一社会信用代码' },
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value?.trim()) return;
                const problemText = creditCodeProblem(normaliseCreditCode(value));
                if (problemText) throw new Error(problemText);
              },
            },
          ]}
        >
          <Input maxLength={30} placeholder="18 位代码" data-testid="objection-code" />
        </Form.Item>
        <Form.Item
          name="contact"
          label="联系人及电话"
          rules={[{ required: true, whitespace: true, message: '请填写联系人及电话' }]}
        >
          <Input maxLength={100} data-testid="objection-contact" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="异议理由"
          rules={[{ required: true, whitespace: true, message: '请填写异议理由' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-reason" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="objection-submit">
          提交异议
        </Button>
      </Form>
    </Card>
  );
}
