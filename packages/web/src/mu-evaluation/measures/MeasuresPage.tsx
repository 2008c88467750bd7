import { useState } from 'react';
import { Button, Card, Segmented, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { MEASURE_CODES, MEASURE_LABELS, type MeasureCode } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { exportMeasures, useMeasures, useRun, type MeasureItemView, type MeasureView } from '../mu-evaluation.api.ts';
import { ClassTag } from '../components/ClassTag.tsx';
import { ownPlatformOf, platformShort } from '../../enterprises/components/enterprise-format.ts';
import { RunPageHeader } from './RunPageHeader.tsx';
import { formatNumber } from '@pgs/domain/platform/format';
import { EnterpriseNameCell } from '../../enterprises/components/EnterpriseNameCell.tsx';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';

/** The measures with a yearly quantity; the other three apply to every C and D enterprise without an amount. */
const AMOUNT_MEASURES: MeasureCode[] = ['electricity_surcharge', 'water_surcharge', 'energy_quota_cut'];
const POLICY_MEASURES = MEASURE_CODES.filter((code) => !AMOUNT_MEASURES.includes(code));
const AMOUNT_UNITS: Partial<Record<MeasureCode, string>> = {
  electricity_surcharge: '万元/年',
  water_surcharge: '万元/年',
  energy_quota_cut: '吨标煤',
};

/** One number format (issue 9): 万元 and 吨标煤 alike with thousands separators and 2 decimals (73.8014 → 73.80). */
function amountText(amount: number | string): string {
  return formatNumber(amount, { decimals: 2, fixed: true });
}

function AmountCell({ measure }: { measure: MeasureView | undefined }) {
  if (!measure) return <Typography.Text type="secondary">不适用</Typography.Text>;
  const amount = measure.amount === undefined ? null : amountText(measure.amount);
  return (
    <Tooltip title={measure.basis}>
      {amount === null ? (
        <Typography.Text type="secondary">未计算</Typography.Text>
      ) : (
        <Typography.Text strong>{amount}</Typography.Text>
      )}
    </Tooltip>
  );
}

const columns: TableColumnsType<MeasureItemView> = [
  {
    title: '企业名称 / 统一社会信用代码',
    dataIndex: 'name',
    width: 250,
    render: (name: string, item) => <EnterpriseNameCell name={name} creditCode={item.creditCode} />,
  },
  { title: '平台', dataIndex: 'platformKey', width: 76, render: (key: string | null) => platformShort(key) },
  {
    title: '等级',
    dataIndex: 'class',
    width: 70,
    render: (cls: MeasureItemView['class']) => <ClassTag value={cls} short />,
  },
  ...AMOUNT_MEASURES.map((code) => ({
    title: `${MEASURE_LABELS[code]}（${AMOUNT_UNITS[code]}）`,
    key: code,
    width: 150,
    align: 'right' as const,
    render: (_v: unknown, item: MeasureItemView) => (
      <AmountCell measure={item.measures.find((measure) => measure.code === code)} />
    ),
  })),
  {
    title: '其他措施',
    key: 'policies',
    render: (_v, item) => (
      <Space size={4} wrap>
        {POLICY_MEASURES.filter((code) => item.measures.some((measure) => measure.code === code)).map((code) => (
          <Tag key={code}>{MEASURE_LABELS[code]}</Tag>
        ))}
      </Space>
    ),
  },
];

/** Each measure of one enterprise with its basis (rate × quantity = amount), shown when the row is expanded. */
function MeasureBasis({ item }: { item: MeasureItemView }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid={`measure-basis-${item.creditCode}`}>
      {item.measures.map((measure) => (
        <li key={measure.code}>
          <Typography.Text strong>{measure.label || MEASURE_LABELS[measure.code]}</Typography.Text>
          {measure.amount !== undefined ? `：${amountText(measure.amount)} ${measure.unit ?? ''}` : ''}
          <Typography.Text type="secondary">（{measure.basis}）</Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** 差别化措施清单 (R3.3): every C and D enterprise of the run with each measure, its yearly amount and basis. */
export function MeasuresPage() {
  const { id = '' } = useParams();
  const runId = Number(id);
  const { data: me } = useMe();
  const ownPlatform = ownPlatformOf(me);
  const [platformKey, setPlatformKey] = useState<string | undefined>(undefined);
  const [cls, setCls] = useState<'all' | 'C' | 'D'>('all');
  const paging = usePaging(50);
  const effective = ownPlatform ?? platformKey;
  const run = useRun(runId);
  const classFilter = cls === 'all' ? undefined : cls;
  const measures = useMeasures(runId, effective, classFilter, paging.page, paging.pageSize);
  const exporting = useDownload(() => exportMeasures(run.data ?? { id: runId, year: 0 }, effective, classFilter));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <RunPageHeader
        run={run.data}
        error={run.error}
        platformKey={platformKey}
        ownPlatform={ownPlatform}
        onPlatform={(next) => {
          setPlatformKey(next);
          paging.reset();
        }}
      >
        <Segmented<'all' | 'C' | 'D'>
          value={cls}
          onChange={(next) => {
            setCls(next);
            paging.reset();
          }}
          options={[
            { value: 'all', label: 'C、D 类' },
            { value: 'C', label: '仅 C 类' },
            { value: 'D', label: '仅 D 类' },
          ]}
          data-testid="measures-class"
        />
      </RunPageHeader>
      <Card
        title="C、D 类企业差别化资源要素措施（§三(二)）"
        size="small"
        extra={
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.downloading}
            onClick={() => void exporting.start()}
            data-testid="measures-export"
          >
            导出Excel
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          对 C、D
          类企业实行电价加价、降低年度用能指标、水价加价、不得单独供地、限制新增排污权指标、不得享受政府奖励。金额按评价办法中的标准计算（元/千瓦时
          × 用电量等），悬停或展开可看计算依据；“未计算”表示标准未配置或数据缺失。
        </Typography.Paragraph>
        <div data-testid="measures-table">
          <PagedTable<MeasureItemView>
            rowKey="creditCode"
            size="small"
            columns={columns}
            scroll={{ x: 1100 }}
            expandable={{ expandedRowRender: (item) => <MeasureBasis item={item} />, columnWidth: 40 }}
            locale={{ emptyText: '没有 C、D 类企业' }}
            query={measures}
            paging={paging}
            totalText={(total) => <span data-testid="measures-total">共 {total} 家 C、D 类企业</span>}
          />
        </div>
      </Card>
    </Space>
  );
}
