import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { BASIS_LABELS, type ClassifyResultView, type PlatformKey } from '@pgs/domain';
import type { DescriptionsProps } from 'antd';
import { classify } from '../catalog.api.ts';
import { CategoryTag } from '../components/CategoryTag.tsx';
import { IndustryCodeInput } from '../../industries/IndustryCodeInput.tsx';

type Rows = NonNullable<DescriptionsProps['items']>;

function resultRows(result: ClassifyResultView): Rows {
  const { item } = result;
  const rows: Rows = [
    {
      key: 'category',
      label: '归类结果',
      children: <CategoryTag category={result.category} testId="classify-category" />,
    },
    { key: 'industry', label: '行业', children: `${result.industryCode} ${result.industryName}` },
    {
      key: 'item',
      label: '匹配条目',
      children: item ? (
        <span data-testid="classify-item">
          {item.industryCode} {item.industryName ?? ''}
          {item.keywords.length > 0 && (
            <>
              {' '}
              · 关键词：
              {item.keywords.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </>
          )}
          <br />
          <Typography.Text type="secondary">{BASIS_LABELS[item.basis]}</Typography.Text>
        </span>
      ) : (
        '无（目录未列入）'
      ),
    },
  ];
  if (result.matchedKeyword) rows.push({ key: 'keyword', label: '命中关键词', children: result.matchedKeyword });
  rows.push({ key: 'version', label: '目录版本', children: result.catalogVersion });
  return rows;
}

type Values = { industryCode: string; text?: string; date?: Dayjs | null };

/** 行业归类查询: which class a GB/T 4754 code (and optional product description) gets in this platform's catalog. */
type Props = {
  platformKey: PlatformKey;
  platformName: string;
  /** Full page width (fields side by side) rather than a narrow side panel. */
  wide?: boolean;
};

export function ClassifyPanel({ platformKey, platformName, wide = false }: Props) {
  const span = wide ? { xs: 24, md: 8 } : { span: 24 };
  const [form] = Form.useForm<Values>();
  const mutation = useMutation({
    mutationKey: ['classify', platformKey],
    mutationFn: (values: Values) =>
      classify(platformKey, {
        industryCode: values.industryCode,
        text: values.text?.trim() || undefined,
        date: values.date ? values.date.format('YYYY-MM-DD') : undefined,
      }),
    meta: { silent: true },
  });
  const result = mutation.data?.platformKey === platformKey ? mutation.data : undefined;

  return (
    <Card title={`行业归类查询 · ${platformName}`} data-testid="classify-panel">
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          mutation.mutate(values);
        }}
        data-testid="classify-form"
      >
        <Row gutter={16}>
          <Col {...span}>
            <Form.Item
              name="industryCode"
              label="行业代码（GB/T 4754-2017）"
              rules={[{ required: true, message: '请输入行业代码' }]}
            >
              <IndustryCodeInput testId="classify-code" />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item name="text" label="产品或工艺描述（可选，用于匹配目录关键词）">
              <Input.TextArea
                autoSize={{ minRows: wide ? 1 : 2, maxRows: 4 }}
                maxLength={2000}
                placeholder="如：新能源汽车电机控制器"
                data-testid="classify-text"
              />
            </Form.Item>
          </Col>
          <Col {...span}>
            <Form.Item name="date" label="判定日期（可选，默认今天）">
              <DatePicker style={{ width: '100%' }} data-testid="classify-date" />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="classify-submit">
            查询归类
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              mutation.reset();
            }}
          >
            清空
          </Button>
        </Space>
      </Form>
      {mutation.error && (
        <Alert
          type="error"
          showIcon
          title={mutation.error.message}
          style={{ marginTop: 16 }}
          data-testid="classify-error"
        />
      )}
      {result && (
        <div style={{ marginTop: 16 }} data-testid="classify-result">
          <Descriptions column={wide ? 2 : 1} size="small" bordered items={resultRows(result)} />
          <Alert
            type="info"
            showIcon
            title={result.explanation}
            style={{ marginTop: 12 }}
            data-testid="classify-explanation"
          />
        </div>
      )}
    </Card>
  );
}
