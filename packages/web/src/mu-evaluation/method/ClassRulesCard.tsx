import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import {
  EVALUATION_METHOD_DEFAULT_SOURCES,
  MISSING_VALUE_RULE_LABELS,
  MISSING_VALUE_RULES,
  type MissingValueRule,
} from '@pgs/domain';
import type { MethodDraft } from './method-draft.ts';

type Props = { draft: MethodDraft; change: (patch: Partial<MethodDraft>) => void };

const hint = (key: string) => EVALUATION_METHOD_DEFAULT_SOURCES[key];

/**
 * The rules around the scores: missing values, class cuts by percentile within each set, the D-share margin of R3.2
 * and the exclusions to class T. Cuts and margin are typed as percentages and sent as fractions (D2).
 */
export function ClassRulesCard({ draft, change }: Props) {
  const { cutsPercent: cuts, exclusions } = draft;
  const setCut = (key: 'A' | 'B' | 'C', value: number | null) => {
    change({ cutsPercent: { ...cuts, [key]: value } });
  };
  const setExclusions = (patch: Partial<MethodDraft['exclusions']>) => {
    change({ exclusions: { ...exclusions, ...patch } });
  };
  const band = (from: number | null, to: number | null) => (from === null || to === null ? '—' : `${from}%–${to}%`);

  return (
    <Card title="分档、D 类占比与排除规则" size="small">
      <Form layout="vertical">
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            <Form.Item label="评价办法名称" validateStatus={draft.name.trim() ? undefined : 'error'}>
              <Input
                value={draft.name}
                maxLength={100}
                onChange={(event) => {
                  change({ name: event.target.value });
                }}
                data-testid="method-name"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={12}>
            <Form.Item label="缺失值规则" extra={hint('missingValue')}>
              <Select<MissingValueRule>
                value={draft.missingValue}
                onChange={(missingValue) => {
                  change({ missingValue });
                }}
                options={MISSING_VALUE_RULES.map((rule) => ({ value: rule, label: MISSING_VALUE_RULE_LABELS[rule] }))}
                data-testid="method-missing"
              />
            </Form.Item>
          </Col>
        </Row>

        <Form.Item
          label="分档线（组内百分位，累计）"
          extra={
            <>
              {hint('cuts')}。
              <Typography.Text type="warning">界面按百分比填写，保存时按比例提交（20% 提交为 0.2）。</Typography.Text>
            </>
          }
        >
          <Row gutter={16}>
            {(['A', 'B', 'C'] as const).map((key) => (
              <Col key={key} xs={24} md={8}>
                <InputNumber<number>
                  value={cuts[key]}
                  min={0}
                  max={100}
                  step={5}
                  prefix={`${key} 类至前`}
                  suffix="%"
                  status={cuts[key] === null ? 'error' : undefined}
                  onChange={(next) => {
                    setCut(key, next);
                  }}
                  style={{ width: '100%' }}
                  data-testid={`method-cut-${key}`}
                />
              </Col>
            ))}
          </Row>
          <Typography.Text type="secondary" data-testid="method-cuts-text">
            A 类：组内前 {cuts.A ?? '—'}%；B 类：{band(cuts.A, cuts.B)}；C 类：{band(cuts.B, cuts.C)}；D 类：
            {cuts.C ?? '—'}% 以后。同分企业取同一等级（就高不就低）。
          </Typography.Text>
        </Form.Item>

        <Form.Item
          label="平台 D 类占比应高于全市 D 类占比"
          extra={`${hint('dShareMargin')}。平台 D 类占比不足时，按组内百分位由低到高将企业调入 D 类，直到达到“全市占比 + 该幅度”。`}
        >
          <InputNumber<number>
            value={draft.marginPoints}
            min={5}
            max={10}
            step={1}
            suffix="个百分点"
            status={
              draft.marginPoints === null || draft.marginPoints < 5 || draft.marginPoints > 10 ? 'error' : undefined
            }
            onChange={(marginPoints) => {
              change({ marginPoints });
            }}
            style={{ width: 200 }}
            data-testid="method-margin"
          />
          <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>
            实施意见规定高出 5–10 个百分点
          </Typography.Text>
        </Form.Item>

        <Form.Item label="不参与 ABCD 分类（列为不定等级 T 类）" extra={hint('exclusions')} style={{ marginBottom: 0 }}>
          <Row gutter={[24, 12]} align="middle">
            <Col xs={24} md={8}>
              <Switch
                checked={exclusions.utilities}
                onChange={(utilities) => {
                  setExclusions({ utilities });
                }}
                data-testid="method-excl-utilities"
              />{' '}
              公用事业企业
            </Col>
            <Col xs={24} md={16}>
              <Select<string[]>
                mode="tags"
                value={exclusions.utilityIndustryCodes}
                onChange={(utilityIndustryCodes) => {
                  setExclusions({ utilityIndustryCodes });
                }}
                disabled={!exclusions.utilities}
                placeholder="公用事业行业代码（门类字母或 2–4 位代码）"
                style={{ width: '100%' }}
                tokenSeparators={[',', '，', ' ']}
                aria-label="公用事业行业代码"
              />
            </Col>
            <Col xs={24} md={8}>
              <InputNumber<number>
                value={exclusions.minYearsRegistered}
                min={0}
                max={10}
                precision={0}
                prefix="注册不满"
                suffix="年"
                status={exclusions.minYearsRegistered === null ? 'error' : undefined}
                onChange={(minYearsRegistered) => {
                  setExclusions({ minYearsRegistered });
                }}
                style={{ width: 180 }}
                data-testid="method-excl-years"
              />
              <Typography.Text type="secondary"> （0 为不排除）</Typography.Text>
            </Col>
            <Col xs={24} md={16}>
              <Radio.Group
                value={exclusions.notProducing}
                onChange={(event) => {
                  setExclusions({ notProducing: event.target.value as boolean });
                }}
                options={[
                  { value: true, label: '未投产企业列为 T 类' },
                  { value: false, label: '未投产企业照常评价' },
                ]}
              />
            </Col>
          </Row>
        </Form.Item>
      </Form>
    </Card>
  );
}
