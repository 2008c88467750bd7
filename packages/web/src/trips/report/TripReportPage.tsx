import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Result, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import {
  creditCodeProblem,
  isCalendarDay,
  isPlatformKey,
  normaliseCreditCode,
  quarterOfDay,
  shanghaiDay,
  type ProjectView,
  type TargetView,
} from '@pgs/domain';
import { api } from '../../api/client.ts';
import type { Page } from '../../api/contract.ts';
import { handleError } from '../../api/queryClient.ts';
import { reportTrip, tripKeys, updateTrip, useStaff, useTrip, useTripSettings, type TripView } from '../trips.api.ts';
import { usePlatformChoice } from '../components/usePlatformChoice.ts';
import { AttachmentList } from '../components/AttachmentUpload.tsx';
import { cityOptions, PROVINCE_OPTIONS } from '../../shared/division-options.ts';

type FormValues = {
  travellerIds: number[];
  startOn: string;
  endOn: string;
  /** Required by the form's rules, so present once it validates. */
  province: string;
  city: string;
  met?: Array<{ name?: string; creditCode?: string; targetId?: number | null }>;
  outcome: string;
  projectIds?: number[];
  targetIds?: number[];
};

/** The same checks as the server's (one rule, shared): a day that exists, a credit code with its check character. */
const DAY_RULE = {
  validator: (_: unknown, value?: string) => {
    if (!value || isCalendarDay(value.trim())) return Promise.resolve();
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
      ? `日期 ${value.trim()} 不存在`
      : '日期请按 2026-03-05 的格式填写';
    return Promise.reject(new Error(problem));
  },
};
const CREDIT_CODE_RULE = {
  validator: (_: unknown, value?: string) => {
    const problem = value?.trim() ? creditCodeProblem(normaliseCreditCode(value)) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

/**
 * R2.8 报备外出招商: the platform reports a trip after return; late after the bureau's number of days. At
 * `/trips/:id/edit` the same form corrects a reported trip (with the version seen: 409 when someone changed it).
 */
export function TripReportPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const editId = Number(useParams().id) || undefined;
  const editing = useTrip(editId);
  const { platformKey: chosenPlatform } = usePlatformChoice();
  const platformKey = editing.data?.platformKey ?? chosenPlatform;
  const staff = useStaff(platformKey);
  const settings = useTripSettings();
  const [form] = Form.useForm<FormValues>();
  const province = Form.useWatch('province', form);
  const [saving, setSaving] = useState(false);
  const [reported, setReported] = useState<TripView | null>(null);
  const projects = useQuery({
    queryKey: ['projects', 'trip-links', platformKey],
    queryFn: () => api<Page<ProjectView>>('/projects', { query: { platformKey, pageSize: 500 } }),
    enabled: Boolean(platformKey),
  });
  // The platform's library of this quarter: a met enterprise may be one of its targets, others may be named too.
  const targets = useQuery({
    queryKey: ['targets', 'trip-links', platformKey],
    queryFn: () =>
      api<Page<TargetView>>('/targets', {
        query: { platformKey, quarter: quarterOfDay(shanghaiDay(new Date())), pageSize: 500 },
      }),
    enabled: Boolean(platformKey),
  });
  const targetOptions = (targets.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  const cities = useMemo(() => cityOptions(province), [province]);
  useEffect(() => {
    const trip = editing.data;
    if (!trip) return;
    form.setFieldsValue({
      travellerIds: trip.travellers.map((x) => x.id),
      startOn: trip.startOn,
      endOn: trip.endOn,
      province: trip.province,
      city: trip.city,
      met: trip.met.map((m) => ({ name: m.name, creditCode: m.creditCode ?? '', targetId: m.targetId })),
      outcome: trip.outcome,
      projectIds: trip.projects.map((p) => p.id),
      targetIds: trip.targets.map((x) => x.id).filter((id) => !trip.met.some((m) => m.targetId === id)),
    });
  }, [editing.data, form]);
  const travellers = (staff.data?.items ?? [])
    .filter((s) => s.untilMonth === null)
    .map((s) => ({ value: s.id, label: s.mainLeader ? `${s.name}（主要负责人）` : `${s.name}（${s.position}）` }));

  const submit = async (values: FormValues) => {
    if (saving) return;
    // A platform user reports for their platform; the page offers no choice without one (the server says the same).
    if (!platformKey || !isPlatformKey(platformKey)) {
      message.error('请先选择平台');
      return;
    }
    setSaving(true);
    try {
      const body = {
        platformKey,
        travellerIds: values.travellerIds,
        startOn: values.startOn.trim(),
        endOn: values.endOn.trim(),
        province: values.province,
        city: values.city,
        met: (values.met ?? [])
          .filter((m) => m.name?.trim())
          .map((m) => ({
            name: (m.name ?? '').trim(),
            creditCode: m.creditCode?.trim() ? m.creditCode.trim() : null,
            targetId: m.targetId ?? null,
          })),
        outcome: values.outcome,
        projectIds: values.projectIds ?? [],
        targetIds: values.targetIds ?? [],
      };
      if (editing.data) {
        const saved = await updateTrip(editing.data.id, { ...body, version: editing.data.version });
        await queryClient.invalidateQueries({ queryKey: tripKeys.all });
        message.success(saved.late ? '已保存修改：按更正后的返回日期，本次报备逾期' : '已保存修改');
        void navigate(`/trips?open=${saved.id}`);
        return;
      }
      const trip = await reportTrip(body);
      setReported(trip);
      message.success('外出招商已报备');
      await queryClient.invalidateQueries({ queryKey: tripKeys.all });
    } catch (error) {
      handleError(error);
    } finally {
      setSaving(false);
    }
  };

  if (reported)
    return (
      <Card>
        <Result
          status={reported.late ? 'warning' : 'success'}
          title={reported.late ? '已报备，但超过报备期限' : '已及时报备'}
          subTitle={`返回日期 ${reported.endOn}，报备期限 ${reported.dueOn}（返回后 ${settings.data?.reportWithinDays ?? 3} 天内），报备日期 ${reported.reportedOn}`}
          extra={[
            <Button
              key="again"
              type="primary"
              onClick={() => {
                setReported(null);
                form.resetFields();
              }}
            >
              再报备一次
            </Button>,
            <Link key="list" to="/trips">
              <Button>查看外出招商列表</Button>
            </Link>,
          ]}
        >
          <Typography.Title level={5}>照片或纪要</Typography.Title>
          <AttachmentList trip={reported} mayUpload onUploaded={setReported} />
        </Result>
      </Card>
    );

  return (
    <Card
      title={
        editing.data ? `修改外出招商报备 #${editing.data.id}（报备日期 ${editing.data.reportedOn}）` : '报备外出招商'
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`请在返回后 ${settings.data?.reportWithinDays ?? 3} 天内报备（返回当天不计，北京时间计日）；逾期报备会被标记。主要负责人每月须外出招商不少于1次，按出发日期所在月份计。`}
      />
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void submit(values)}
        style={{ maxWidth: 760 }}
      >
        <Form.Item
          name="travellerIds"
          label="外出人员"
          rules={[{ required: true, message: '请至少选择一名外出人员' }]}
          extra={travellers.length === 0 ? '名册上还没有人员：请先在“招商人员名册”中添加' : '从本平台名册中选择'}
        >
          <Select
            mode="multiple"
            options={travellers}
            placeholder="选择外出人员"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="startOn" label="出发日期" rules={[{ required: true, message: '请填写出发日期' }, DAY_RULE]}>
            <Input placeholder="如 2026-03-05" maxLength={10} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="endOn"
            label="返回日期"
            dependencies={['startOn']}
            rules={[
              { required: true, message: '请填写返回日期' },
              DAY_RULE,
              ({ getFieldValue }) => ({
                validator: (_: unknown, value?: string) => {
                  const start = String(getFieldValue('startOn') ?? '').trim();
                  const early = value && isCalendarDay(value.trim()) && isCalendarDay(start) && value.trim() < start;
                  return early ? Promise.reject(new Error('返回日期不能早于出发日期')) : Promise.resolve();
                },
              }),
            ]}
          >
            <Input placeholder="如 2026-03-07" maxLength={10} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Space size="large" wrap>
          <Form.Item name="province" label="目的地省份" rules={[{ required: true, message: '请选择目的地省份' }]}>
            <Select
              showSearch
              options={PROVINCE_OPTIONS}
              style={{ width: 200 }}
              placeholder="选择或输入省份"
              onChange={() => {
                form.setFieldValue('city', undefined);
              }}
            />
          </Form.Item>
          <Form.Item name="city" label="目的地城市" rules={[{ required: true, message: '请选择目的地城市' }]}>
            <Select
              showSearch
              options={cities}
              style={{ width: 200 }}
              placeholder={province ? '选择或输入城市' : '请先选择省份'}
              disabled={!province}
            />
          </Form.Item>
        </Space>
        <Typography.Paragraph strong style={{ marginBottom: 8 }}>
          会见企业
        </Typography.Paragraph>
        <Form.List name="met">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: '请填写企业名称' }]}
                  >
                    <Input
                      placeholder="企业名称"
                      aria-label={`第 ${index + 1} 家会见企业名称`}
                      style={{ width: 300 }}
                      maxLength={200}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'creditCode']} rules={[CREDIT_CODE_RULE]}>
                    <Input
                      placeholder="统一社会信用代码（可不填）"
                      aria-label={`第 ${index + 1} 家会见企业信用代码`}
                      style={{ width: 240 }}
                      maxLength={18}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'targetId']}>
                    <Select
                      allowClear
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder="是目标库中的企业（可不选）"
                      aria-label={`第 ${index + 1} 家会见企业对应的目标企业`}
                      style={{ width: 220 }}
                      options={targetOptions}
                      onChange={(id?: number) => {
                        const chosen = targets.data?.items.find((x) => x.id === id);
                        if (chosen && !form.getFieldValue(['met', field.name, 'name']))
                          form.setFieldValue(['met', field.name, 'name'], chosen.name);
                      }}
                    />
                  </Form.Item>
                  <MinusCircleOutlined
                    aria-label="删除该企业"
                    onClick={() => {
                      remove(field.name);
                    }}
                  />
                </Space>
              ))}
              <Form.Item>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    add({ name: '' });
                  }}
                >
                  添加会见企业
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Form.Item name="outcome" label="成效" rules={[{ required: true, whitespace: true, message: '请填写成效' }]}>
          <Input.TextArea rows={3} maxLength={5000} showCount placeholder="洽谈内容、对方意向、下一步安排" />
        </Form.Item>
        <Form.Item name="projectIds" label="关联项目" extra="本平台已登记的招商项目，可不选">
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择关联项目"
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `#${p.id} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="targetIds"
          label="关联目标企业"
          extra="本次外出服务的本平台本季度目标企业（会见企业中已选的不必重复）；所选企业的页面会列出本次外出"
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择目标企业"
            options={targetOptions}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {editing.data ? '保存修改' : '提交报备'}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          提交后可上传照片或纪要。<Tag>示例</Tag>出发 3 月 5 日、返回 3 月 7 日：3 月 10 日（含）前报备为及时报备。
        </Typography.Paragraph>
      </Form>
    </Card>
  );
}
