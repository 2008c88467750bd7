import { Card, Form, InputNumber, Radio, Table, Typography } from 'antd';
import { MEASURE_DEFAULT_SOURCES } from '@pgs/domain';
import type { MethodDraft } from './method-draft.ts';

type PerClassKey = 'electricitySurchargeYuanPerKwh' | 'waterSurchargePercent' | 'energyQuotaCutPercent';
type Line = { key: PerClassKey; label: string; unit: string };

const LINES: Line[] = [
  { key: 'electricitySurchargeYuanPerKwh', label: '电价加价', unit: '元/千瓦时' },
  { key: 'waterSurchargePercent', label: '水价加价', unit: '%' },
  { key: 'energyQuotaCutPercent', label: '降低年度用能指标', unit: '%' },
];

/**
 * R3.3 amounts per class (C, D) and R3.4's track settings. A cleared rate is "not configured": the measure is listed
 * without an amount and says so; 0 switches the measure off for that class.
 */
export function MeasuresSettingsCard({
  draft,
  change,
}: {
  draft: MethodDraft;
  change: (patch: Partial<MethodDraft>) => void;
}) {
  const measures = draft.measures;
  const setRate = (key: PerClassKey, cls: 'C' | 'D', value: number | null) => {
    change({ measures: { ...measures, [key]: { ...measures[key], [cls]: value } } });
  };
  const cell = (line: Line, cls: 'C' | 'D') => (
    <InputNumber<number>
      value={measures[line.key][cls]}
      min={0}
      step={line.unit === '%' ? 5 : 0.01}
      suffix={line.unit}
      placeholder="未配置"
      onChange={(next) => {
        setRate(line.key, cls, next);
      }}
      style={{ width: 170 }}
      aria-label={`${cls} 类${line.label}`}
      data-testid={`measure-${line.key}-${cls}`}
    />
  );
  return (
    <Card title="差别化措施标准与整治分类（§三(二)）" size="small">
      <Table<Line>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={LINES}
        columns={[
          { title: '措施', dataIndex: 'label', width: 150 },
          { title: 'C 类', key: 'C', width: 190, render: (_v, line) => cell(line, 'C') },
          { title: 'D 类', key: 'D', width: 190, render: (_v, line) => cell(line, 'D') },
          {
            title: '默认值及出处',
            key: 'source',
            render: (_v, line) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {MEASURE_DEFAULT_SOURCES[line.key]}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Form layout="vertical" style={{ marginTop: 16 }}>
        <Form.Item label="基础水价（计算水价加价金额用）" extra={MEASURE_DEFAULT_SOURCES.waterBasePriceYuanPerTon}>
          <InputNumber<number>
            value={measures.waterBasePriceYuanPerTon}
            min={0}
            step={0.1}
            suffix="元/吨"
            placeholder="未配置"
            onChange={(next) => {
              change({ measures: { ...measures, waterBasePriceYuanPerTon: next } });
            }}
            style={{ width: 200 }}
            data-testid="measure-water-base"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          不得单独供地、限制新增排污权指标、不得享受政府奖励三项措施对全部 C、D
          类企业适用，无金额。留空表示未配置（清单中列出措施但不计算金额），填 0 表示该类企业不适用此项措施。
        </Typography.Paragraph>
        <Form.Item
          label="整治名单中“帮扶支持”的营业收入增长标准"
          extra="营业收入较上年增长达到此幅度的整治对象列为帮扶支持（默认 10%），按百分比填写。"
        >
          <InputNumber<number>
            value={draft.supportGrowthPercent}
            min={0}
            max={1000}
            step={5}
            suffix="%"
            status={draft.supportGrowthPercent === null ? 'error' : undefined}
            onChange={(supportGrowthPercent) => {
              change({ supportGrowthPercent });
            }}
            style={{ width: 200 }}
            data-testid="rectification-growth"
          />
        </Form.Item>
        <Form.Item
          label="“税收重点评估”的判断依据"
          extra="正常生产、亩均税收不高于整治线，而亩均用电（或用能）不低于本评价组中位数的企业，列为税收重点评估对象。"
          style={{ marginBottom: 0 }}
        >
          <Radio.Group
            value={draft.taxReviewBasis}
            onChange={(event) => {
              change({ taxReviewBasis: event.target.value as MethodDraft['taxReviewBasis'] });
            }}
            options={[
              { value: 'electricity', label: '用电量' },
              { value: 'electricity_or_energy', label: '用电量或综合能耗' },
            ]}
          />
        </Form.Item>
      </Form>
    </Card>
  );
}
