import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { can } from '@pgs/domain/platform/roles';
import {
  DEFAULT_LAND_SETTINGS,
  landSettingsInputSchema,
  type LandSettings,
  type LandSettingsAnswer,
} from '@pgs/domain';
import { useMe } from '../auth/session.ts';
import { formatDateTime } from '../shared/format.ts';
import { landKeys, saveLandSettings, useLandSettings } from './land.api.ts';

/** The form's values: whole numbers of years/days, and fractions or amounts as typed (kept exact, D2). */
type Values = LandSettings;
type Field = keyof Values;

/**
 * Every setting with what it decides, so each figure a clock shows can be traced back here (issue #12: the
 * defaults are those of the national 闲置土地处置办法; DOMAIN-FACTS §2.1).
 */
const FIELDS: Array<{ name: Field; label: string; unit: string; whole: boolean; extra: string }> = [
  {
    name: 'idleAfterYears',
    label: '闲置认定年限',
    unit: '年',
    whole: true,
    extra: '供地后超过合同约定的动工日期满该年数仍未动工的，认定为闲置土地（国家默认满 1 年）',
  },
  {
    name: 'recoveryAfterYears',
    label: '收回年限',
    unit: '年',
    whole: true,
    extra: '超过约定动工日期满该年数仍未动工的，提出无偿收回（国家默认满 2 年），须长于闲置认定年限',
  },
  {
    name: 'idleFeeRate',
    label: '闲置费比例',
    unit: '',
    whole: false,
    extra: '认定闲置后按土地价款的该比例计收土地闲置费，如 0.2 即 20%（国家默认不超过 20%）',
  },
  {
    name: 'startedAreaShare',
    label: '已开发面积比例',
    unit: '',
    whole: false,
    extra: '已动工但开发面积不足总面积的该比例，且中止开发满停工年限的，也认定为闲置（国家默认 1/3）',
  },
  {
    name: 'startedInvestmentShare',
    label: '已投资比例',
    unit: '',
    whole: false,
    extra: '已动工但已投资额不足总投资的该比例，且中止开发满停工年限的，也认定为闲置（国家默认 0.25 即 25%）',
  },
  {
    name: 'suspendedYears',
    label: '停工年限',
    unit: '年',
    whole: true,
    extra: '开工后中止开发建设满该年数（国家默认满 1 年）',
  },
  {
    name: 'maxExtensionYears',
    label: '延期最长年限',
    unit: '年',
    whole: true,
    extra: '因政府原因或不可抗力造成动工延迟的，可延期一次，最长该年数（国家默认 1 年）',
  },
  {
    name: 'dueWithinDays',
    label: '到期提醒天数',
    unit: '天',
    whole: true,
    extra: '到期提醒和工作台列出今后该天数内将到期的地块（默认 30 天）',
  },
  {
    name: 'matchAreaTolerance',
    label: '项目匹配面积容差',
    unit: '',
    whole: false,
    extra: '为项目推荐地块时，地块面积与项目用地面积可相差的比例，如 0.2 即上下 20%',
  },
  {
    name: 'intensityThreshold',
    label: '投资强度门槛',
    unit: '万元/亩',
    whole: false,
    extra: '为项目推荐地块时，项目固定资产投资除以地块面积须高于该值（默认 350 万元/亩）',
  },
  {
    name: 'boundaryTolerance',
    label: '边界面积容差',
    unit: '',
    whole: false,
    extra: '登记地块边界时，按边界算出的面积与申报面积可相差的比例，如 0.05 即 5%',
  },
];

/** The problems of the whole form, by field, from the API's own schema (one message per field). */
function problemsOf(values: Partial<Values>, version: number): Map<string, string> {
  const parsed = landSettingsInputSchema.safeParse({ ...values, version });
  const out = new Map<string, string>();
  if (parsed.success) return out;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!out.has(field)) out.set(field, issue.message);
  }
  return out;
}

function valuesOf(saved: LandSettingsAnswer): Values {
  return Object.fromEntries(FIELDS.map(({ name }) => [name, saved[name]])) as Values;
}

/** 闲置土地设置 (R3.6): the idle-land clock's rules, kept by the eitc and the drc; everyone else reads them. */
export function LandSettingsPage() {
  const settings = useLandSettings();
  if (settings.isLoading) return <Spin />;
  if (!settings.data) return settings.error ? <Alert type="error" showIcon title={settings.error.message} /> : null;
  // A new version (saved here or reloaded after someone else saved) starts the form afresh from it.
  return <SettingsForm key={settings.data.version} saved={settings.data} />;
}

function SettingsForm({ saved }: { saved: LandSettingsAnswer }) {
  const { data: me } = useMe();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const editable = me ? can(me.role, 'parcels.configure') : false;

  // A refusal is shown by the app's one error handler: a stale version (409) warns and reloads the settings, so the
  // form starts again from the version someone else saved.
  const save = useMutation({
    mutationFn: (values: Values) => saveLandSettings({ ...values, version: saved.version }),
    onSuccess: (view) => {
      message.success('已保存，全部地块的闲置期限已按新设置重新计算');
      queryClient.setQueryData(landKeys.settings, view);
      // Every clock and due day follows the settings: the ledger, parcel pages and due list are stale.
      void queryClient.invalidateQueries({ queryKey: landKeys.all });
    },
  });

  const submit = () => {
    const values = form.getFieldsValue();
    const problems = problemsOf(values, saved.version);
    form.setFields(
      FIELDS.map(({ name }) => {
        const problem = problems.get(name);
        return { name, errors: problem ? [problem] : [] };
      }),
    );
    if (problems.size > 0) return;
    save.mutate(values);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        data-testid="land-settings-version"
        title={
          saved.updatedAt
            ? `当前版本 v${saved.version}，${saved.updatedByName ?? '未知用户'} 于 ${formatDateTime(saved.updatedAt)} 修改`
            : '尚未修改，使用《闲置土地处置办法》规定的默认值'
        }
        description={
          editable
            ? '设置对全部平台生效。保存后全部地块的闲置、收回和到期日期随即按新设置重新计算；每个地块的闲置状态都注明所用的设置。'
            : '这些设置由市经信委、市发改委维护，您可以查看地块闲置状态所依据的规则。'
        }
      />
      <Card title="闲置土地认定与提醒" size="small">
        <Form<Values>
          form={form}
          layout="horizontal"
          labelCol={{ flex: '160px' }}
          initialValues={valuesOf(saved)}
          disabled={!editable}
          onValuesChange={() => {
            setDirty(true);
          }}
          data-testid="land-settings-form"
        >
          {FIELDS.map((field) => (
            <Form.Item
              key={field.name}
              name={field.name}
              label={field.label}
              extra={field.extra}
              data-testid={`land-setting-${field.name}`}
            >
              {field.whole ? (
                <InputNumber<number>
                  precision={0}
                  suffix={field.unit}
                  style={{ width: 200 }}
                  aria-label={field.label}
                />
              ) : (
                <Input suffix={field.unit || undefined} style={{ width: 200 }} aria-label={field.label} />
              )}
            </Form.Item>
          ))}
        </Form>
      </Card>
      {editable && (
        <Space>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={submit}
            data-testid="land-settings-save"
          >
            保存
          </Button>
          <Popconfirm
            title="填入《闲置土地处置办法》规定的默认值？"
            description="保存后才生效。"
            okText="填入"
            cancelText="取消"
            onConfirm={() => {
              form.setFieldsValue(DEFAULT_LAND_SETTINGS);
              form.setFields(FIELDS.map(({ name }) => ({ name, errors: [] })));
              setDirty(true);
            }}
          >
            <Button icon={<RollbackOutlined />} data-testid="land-settings-defaults">
              恢复默认值
            </Button>
          </Popconfirm>
          {dirty && <Tag color="orange">有未保存的修改</Tag>}
          <Typography.Text type="secondary">比例可写小数或分数，如 0.25 或 1/3。</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
