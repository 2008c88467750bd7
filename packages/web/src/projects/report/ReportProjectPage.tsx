import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { creditCodeProblem, industryCodeEntry, normaliseCreditCode, type PlatformKey } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { isApiError } from '../../api/client.ts';
import { useInForceCatalog } from '../../catalog/catalog.api.ts';
import { useIndustry } from '../../industries/industries.api.ts';
import { IndustryCodeInput } from '../../industries/IndustryCodeInput.tsx';
import { projectKeys, reportProject, type ReportValues } from '../projects.api.ts';
import { PLATFORM_OPTIONS } from '../components/project-format.ts';
import { AccessPreview, type IndustryState } from './AccessPreview.tsx';
import { clearReportDraft, readReportDraft, saveReportDraft } from './report-draft.ts';
import { showRefusal } from '../components/refusal.ts';
import { IndustrySuggestions } from './IndustrySuggestions.tsx';

type Values = {
  name: string;
  platformKey: PlatformKey;
  investorName: string;
  investorCreditCode?: string;
  industryCode: string;
  totalInvestment: number;
  fixedAssetInvestment: number;
  landUnit: 'mu' | 'm2' | 'none';
  land?: number | null;
  expectedAnnualTax: number;
  expectedAnnualOutput?: number | null;
  description?: string;
};

const wan = { min: 0, style: { width: '100%' }, suffix: '万元', stringMode: false } as const;

/** 首报登记 (R2.3): a platform user reports a project for its own platform; the class and R2.1 check show as it types. */
export function ReportProjectPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const draft = useMemo(() => (me ? readReportDraft<Values>(me.id) : null), [me]);
  const [restored, setRestored] = useState(draft !== null);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const platformKey = values?.platformKey ?? me?.platformKey ?? 'zhenan';
  const catalog = useInForceCatalog(platformKey, true);
  // Only a complete, well-formed code is looked up; one digit or a name is still being typed (issue #9).
  const entry = industryCodeEntry(values?.industryCode);
  const industry = useIndustry(entry.kind === 'code' ? entry.code : null, { silent: true });
  const industryState: IndustryState =
    entry.kind !== 'code'
      ? { state: entry.kind }
      : industry.data
        ? { state: 'known', code: entry.code, name: industry.data.name }
        : industry.isError
          ? { state: 'unknown', code: entry.code }
          : { state: 'checking' };
  const landUnit = values?.landUnit ?? 'mu';

  const discard = () => {
    if (me) clearReportDraft(me.id);
    form.resetFields();
    setRestored(false);
    message.info('已清空，草稿已删除');
  };

  const submit = async (v: Values) => {
    const body: ReportValues = {
      name: v.name,
      platformKey: v.platformKey,
      investorName: v.investorName,
      investorCreditCode: v.investorCreditCode ? normaliseCreditCode(v.investorCreditCode) : null,
      industryCode: v.industryCode,
      totalInvestment: v.totalInvestment,
      fixedAssetInvestment: v.fixedAssetInvestment,
      landArea: v.landUnit === 'mu' ? v.land : null,
      landAreaM2: v.landUnit === 'm2' ? v.land : null,
      expectedAnnualTax: v.expectedAnnualTax,
      expectedAnnualOutput: v.expectedAnnualOutput ?? null,
      description: v.description ?? '',
    };
    setSaving(true);
    try {
      const saved = await reportProject(body);
      if (me) clearReportDraft(me.id);
      await queryClient.invalidateQueries({ queryKey: projectKeys.all });
      if (saved.firstReport) {
        message.success(`已登记为首报项目 #${saved.id}`);
      } else {
        modal.warning({
          title: '已登记为重复报送',
          content: `同一投资方的同一项目已由其他登记先行报送（项目 #${saved.duplicateOf}），首报以最先登记者为准。`,
        });
      }
      void navigate(`/projects/${saved.id}`);
    } catch (error) {
      if (isApiError(error) && Array.isArray(error.details)) {
        // The server names each bad field ("请求体 landArea"); put its message under the field as well as in the toast.
        const fieldOf = (field: string) => {
          const name = field.split(' ').pop() ?? '';
          return name === 'landArea' || name === 'landAreaM2' ? 'land' : name;
        };
        const known = new Set([
          'name',
          'investorName',
          'investorCreditCode',
          'industryCode',
          'totalInvestment',
          'fixedAssetInvestment',
          'land',
          'expectedAnnualTax',
          'expectedAnnualOutput',
          'description',
        ]);
        const fields = (error.details as Array<{ field?: string; message: string }>)
          .map((d) => ({ name: fieldOf(d.field ?? ''), errors: [d.message] }))
          .filter((f) => known.has(f.name));
        form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      }
      await showRefusal(error, queryClient);
    } finally {
      setSaving(false);
    }
  };

  if (!me) return null;
  return (
    <Row gutter={16}>
      <Col xs={24} xl={14}>
        <Card title="项目信息">
          {restored && (
            <Alert
              type="info"
              showIcon
              closable={{
                onClose: () => {
                  setRestored(false);
                },
              }}
              style={{ marginBottom: 16 }}
              data-testid="report-draft-restored"
              title="已恢复上次未提交的填写内容"
              description="内容保存在本浏览器标签页中，提交或点击“清空”后删除。"
            />
          )}
          <Form<Values>
            form={form}
            layout="vertical"
            onFinish={(values) => void submit(values)}
            onValuesChange={(_changed, all) => {
              saveReportDraft(me.id, all);
            }}
            initialValues={{
              platformKey: me.platformKey ?? undefined,
              landUnit: 'mu',
              ...draft,
              ...(me.role === 'platform' ? { platformKey: me.platformKey } : {}),
            }}
            scrollToFirstError
            data-testid="report-form"
          >
            <Row gutter={12}>
              <Col span={16}>
                <Form.Item
                  name="name"
                  label="项目名称"
                  rules={[
                    { required: true, whitespace: true, message: '请填写项目名称' },
                    { max: 200, message: '项目名称不能超过 200 个字' },
                  ]}
                >
                  <Input data-testid="report-name" />
                </Form.Item>
              </Col>
              <Col span={8}>
                <Form.Item
                  name="platformKey"
                  label="登记平台"
                  tooltip="平台用户只能为本平台登记"
                  rules={[{ required: true, message: '请选择平台' }]}
                >
                  <Select options={PLATFORM_OPTIONS} disabled={me.role === 'platform'} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="investorName"
                  label="投资方名称"
                  rules={[
                    { required: true, whitespace: true, message: '请填写投资方名称' },
                    { max: 200, message: '投资方名称不能超过 200 个字' },
                  ]}
                >
                  <Input data-testid="report-investor" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="investorCreditCode"
                  label="统一社会信用代码"
                  tooltip="18 位，按 GB 32100-2015 校验；境外投资方可不填"
                  rules={[
                    {
                      validator: async (_r, value?: string) => {
                        const problem = value ? creditCodeProblem(normaliseCreditCode(value)) : null;
                        if (problem) throw new Error(problem);
                      },
                    },
                  ]}
                >
                  <Input maxLength={24} data-testid="report-credit-code" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item name="description" label="项目简介" tooltip="产品、工艺、用途；系统据此推荐行业代码">
                  <Input.TextArea rows={3} maxLength={5000} showCount data-testid="report-description" />
                </Form.Item>
              </Col>
              <Col span={24}>
                <Form.Item
                  name="industryCode"
                  label="行业代码（GB/T 4754-2017）"
                  extra="可输入代码或行业名称（如“汽车”），从下拉建议中选择"
                  rules={[
                    { required: true, message: '请填写行业代码' },
                    {
                      validator: async (_r, value?: string) => {
                        const typed = industryCodeEntry(value);
                        if (typed.kind === 'search') throw new Error('请从下拉建议中选择一个行业代码');
                        if (typed.kind === 'partial') throw new Error('行业代码应为门类字母或 2–4 位数字');
                      },
                    },
                  ]}
                >
                  <IndustryCodeInput testId="report-industry" />
                </Form.Item>
                <div style={{ marginTop: -12, marginBottom: 16 }}>
                  <IndustrySuggestions
                    description={values?.description ?? ''}
                    catalog={catalog.data}
                    onPick={(code) => {
                      form.setFieldValue('industryCode', code);
                      saveReportDraft(me.id, form.getFieldsValue(true) as object);
                    }}
                  />
                </div>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="totalInvestment"
                  label="总投资"
                  rules={[
                    { required: true, message: '请填写总投资' },
                    { type: 'number', min: 0.000001, message: '总投资必须大于 0' },
                  ]}
                >
                  <InputNumber {...wan} data-testid="report-total" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="fixedAssetInvestment"
                  label="固定资产投资"
                  dependencies={['totalInvestment']}
                  rules={[
                    { required: true, message: '请填写固定资产投资' },
                    ({ getFieldValue }) => ({
                      validator: async (_r, value?: number) => {
                        const total = getFieldValue('totalInvestment') as number | undefined;
                        if (value != null && total != null && value > total)
                          throw new Error('固定资产投资不能大于总投资');
                      },
                    }),
                  ]}
                >
                  <InputNumber {...wan} data-testid="report-fixed" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item label="用地">
                  <Space.Compact style={{ width: '100%' }}>
                    <Form.Item name="landUnit" noStyle>
                      <Radio.Group
                        optionType="button"
                        options={[
                          { value: 'mu', label: '亩' },
                          { value: 'm2', label: '平方米' },
                          { value: 'none', label: '无独立用地' },
                        ]}
                        data-testid="report-land-unit"
                      />
                    </Form.Item>
                  </Space.Compact>
                </Form.Item>
                {landUnit !== 'none' && (
                  <Form.Item
                    name="land"
                    rules={[
                      { required: true, message: '请填写用地面积' },
                      { type: 'number', min: 0.000001, message: '用地面积必须大于 0' },
                    ]}
                    style={{ marginTop: -12 }}
                  >
                    <InputNumber
                      min={0}
                      style={{ width: '100%' }}
                      suffix={landUnit === 'mu' ? '亩' : '平方米'}
                      data-testid="report-land"
                    />
                  </Form.Item>
                )}
              </Col>
              <Col span={12}>
                <Form.Item
                  name="expectedAnnualTax"
                  label="预计年税收"
                  rules={[{ required: true, message: '请填写预计年税收' }]}
                >
                  <InputNumber {...wan} data-testid="report-tax" />
                </Form.Item>
                <Form.Item name="expectedAnnualOutput" label="预计年产值">
                  <InputNumber {...wan} data-testid="report-output" />
                </Form.Item>
              </Col>
            </Row>
            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="report-submit">
                提交首报登记
              </Button>
              <Popconfirm
                title="清空已填写的内容？"
                description="草稿将被删除，无法恢复。"
                okText="清空"
                cancelText="取消"
                onConfirm={discard}
                okButtonProps={{ danger: true, 'data-testid': 'report-discard-confirm' }}
              >
                <Button data-testid="report-discard">清空</Button>
              </Popconfirm>
              <Button onClick={() => void navigate('/projects')}>返回台账</Button>
            </Space>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <AccessPreview
            catalog={catalog.data}
            industry={industryState}
            input={{
              description: values?.description,
              fixedAssetInvestment: values?.fixedAssetInvestment,
              expectedAnnualTax: values?.expectedAnnualTax,
              landArea: landUnit === 'mu' ? values?.land : null,
              landAreaM2: landUnit === 'm2' ? values?.land : null,
            }}
          />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            同一投资方（统一社会信用代码，或无代码时的规范化名称）的同一项目被多个平台报送时，以最先登记者为首报，其余记为重复报送。
          </Typography.Paragraph>
        </Space>
      </Col>
    </Row>
  );
}
