import { useState } from 'react';
import {
  Button,
  Card,
  Col,
  Empty,
  List,
  Modal,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { Link } from 'react-router';
import {
  PLATFORMS,
  PROFILE_MEASURE_LABELS,
  PROFILE_MEASURES,
  type IndustryProfileView,
  type ProfileMeasure,
} from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { BarChart } from '../../shared/charts/BarChart.tsx';
import { formatWan } from '../../projects/components/project-format.ts';
import { exportProfile, useIndustryProfile, useProfileRows } from '../renewal.api.ts';
import { percent, signedPercent } from '../components/renewal-format.tsx';

type ProfileRow = IndustryProfileView['byDivision'][number];
type Drill = { by: 'division' | 'leading' | 'total'; key?: string; title: string };

const HOW =
  '营业收入、税收、增加值为平台内企业当年年度数据的合计（万元），企业数为有当年数据的企业家数；占比 = 该组合计 ÷ 平台合计；' +
  '同比 = (当年 − 上年) ÷ 上年，上年为 0 或无数据时不计算。主导产业按平台现行准入目录中的主导产业条目归类。';

/**
 * 平台产业概况 (§三(一)): the platform's existing industries by GB/T 大类 and by its leading industries, with shares and
 * the change on the year; its attraction direction (the encouraged items of its catalog); its future space once the
 * parcel ledger provides it. Every figure opens the enterprises behind it.
 */
export function IndustryProfilePage() {
  const { data: me } = useMe();
  const [chosen, setChosen] = useState('zhenan');
  const platformKey = me?.role === 'platform' ? me.platformKey! : chosen;
  const query = useIndustryProfile(platformKey);
  const [drill, setDrill] = useState<Drill | null>(null);
  const exporting = useDownload(() => exportProfile(platformKey, query.data?.year ?? undefined));
  if (!me) return null;
  const p = query.data;
  const figure = (row: ProfileRow, measure: ProfileMeasure) => row.figures[measure];
  const columns = (by: Drill['by']) => [
    {
      title: by === 'division' ? '国民经济行业大类' : '平台主导产业',
      key: 'name',
      render: (_: unknown, row: ProfileRow) => (
        <Button
          type="link"
          size="small"
          onClick={() => {
            setDrill({ by, key: row.key, title: row.name });
          }}
          data-testid={`drill-${by}-${row.key}`}
        >
          {by === 'division' && /^\d{2}$/.test(row.key) ? `${row.key} ${row.name}` : row.name}
        </Button>
      ),
    },
    ...PROFILE_MEASURES.map((measure) => ({
      title: PROFILE_MEASURE_LABELS[measure],
      key: measure,
      align: 'right' as const,
      render: (_: unknown, row: ProfileRow) => {
        const f = figure(row, measure);
        return (
          <Tooltip
            title={`上年 ${measure === 'enterprises' ? f.previous : formatWan(f.previous)}；占比 ${percent(f.share)}；同比 ${signedPercent(f.change)}`}
          >
            <div>{measure === 'enterprises' ? f.value : formatWan(f.value)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {percent(f.share)} · {signedPercent(f.change)}
            </Typography.Text>
          </Tooltip>
        );
      },
    })),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        {me.role !== 'platform' && (
          <Segmented
            value={chosen}
            onChange={(value) => {
              setChosen(value);
            }}
            options={PLATFORMS.map((x) => ({ value: x.key, label: x.shortName }))}
            data-testid="profile-platform"
          />
        )}
        <Button onClick={() => void exporting.start()} loading={exporting.downloading} data-testid="export-profile">
          导出 Excel
        </Button>
        <Typography.Text type="secondary" data-testid="profile-year">
          {p?.year ? `${p.year} 年度（同比对照 ${p.previousYear} 年度）` : '尚无企业年度数据：请先在企业库导入年度数据'}
        </Typography.Text>
      </Space>
      {p && (
        <>
          <Card
            size="small"
            title="现有产业总量"
            extra={<Typography.Text type="secondary">点击数字查看企业</Typography.Text>}
          >
            <Row gutter={16}>
              {PROFILE_MEASURES.map((measure) => {
                const f = p.total.figures[measure];
                return (
                  <Col span={6} key={measure}>
                    <Tooltip title={HOW}>
                      <div
                        onClick={() => {
                          setDrill({ by: 'total', title: '平台全部企业' });
                        }}
                        style={{ cursor: 'pointer' }}
                        data-testid={`total-${measure}`}
                      >
                        <Statistic
                          title={PROFILE_MEASURE_LABELS[measure]}
                          value={measure === 'enterprises' ? f.value : formatWan(f.value)}
                          suffix={
                            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                              同比 {signedPercent(f.change)}
                            </Typography.Text>
                          }
                        />
                      </div>
                    </Tooltip>
                  </Col>
                );
              })}
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {HOW}
              {p.total.missing > 0 ? ` 其中 ${p.total.missing} 家企业有数据项缺失，缺失项按 0 计入合计。` : ''}
            </Typography.Paragraph>
          </Card>
          <Row gutter={16}>
            <Col span={12}>
              <Card size="small" title="营业收入：按平台主导产业（万元）">
                <BarChart
                  data-testid="chart-leading"
                  seriesName="营业收入（万元）"
                  data={p.byLeading.map((row) => ({ name: row.name, value: Number(row.figures.revenue.value) }))}
                  labelRotate={20}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card size="small" title="营业收入：前 8 个行业大类（万元）">
                <BarChart
                  data-testid="chart-division"
                  seriesName="营业收入（万元）"
                  data={p.byDivision
                    .slice(0, 8)
                    .map((row) => ({ name: row.name.slice(0, 8), value: Number(row.figures.revenue.value) }))}
                  labelRotate={20}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title="按平台主导产业">
            <Table<ProfileRow>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={p.byLeading}
              columns={columns('leading')}
              data-testid="table-leading"
            />
          </Card>
          <Card size="small" title="按国民经济行业大类（GB/T 4754-2017）">
            <Table<ProfileRow>
              rowKey="key"
              size="small"
              pagination={{ pageSize: 20 }}
              dataSource={p.byDivision}
              columns={columns('division')}
              data-testid="table-division"
            />
          </Card>
          <Card
            size="small"
            title={`招引方向（现行目录${p.catalog ? ` ${p.catalog.version}` : ''}鼓励类）`}
            data-testid="profile-direction"
          >
            {p.direction.length === 0 ? (
              <Empty description="该平台尚无生效的产业准入目录" />
            ) : (
              <List
                size="small"
                dataSource={p.direction}
                renderItem={(item) => (
                  <List.Item>
                    <Typography.Text strong>{item.industryCode}</Typography.Text>&nbsp;{item.industryName ?? ''}：
                    {item.note}
                    <Typography.Text type="secondary">（{item.basis}）</Typography.Text>
                  </List.Item>
                )}
              />
            )}
          </Card>
          <Card size="small" title="未来发展空间（可用土地，亩）" data-testid="profile-space">
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              从地块台账按规划用途汇总（亩）：批而未供含收回后待再次供应的地块；闲置为已供地但按今天计已满一年未开工或开工后停工满一年的地块；腾空为企业退出后腾出、尚未再利用的地块。合计{' '}
              {p.futureSpace.total} 亩。点击下方链接查看各类地块明细。
            </Typography.Paragraph>
            <Table
              rowKey="plannedUse"
              size="small"
              pagination={false}
              dataSource={p.futureSpace.rows}
              locale={{ emptyText: '该平台地块台账中暂无可用土地' }}
              columns={[
                { title: '规划用途', dataIndex: 'plannedUse' },
                { title: '批而未供（亩）', key: 'a', render: (_, r) => r.byKind.approved_not_supplied },
                { title: '闲置（亩）', key: 'i', render: (_, r) => r.byKind.idle },
                { title: '腾空（亩）', key: 'v', render: (_, r) => r.byKind.vacated },
                { title: '合计（亩）', dataIndex: 'total' },
                { title: '地块数', dataIndex: 'parcels' },
              ]}
            />
            <Space style={{ marginTop: 8 }} wrap>
              <Link to={`/parcels?platformKey=${platformKey}&subDatabase=approved_not_supplied`}>查看批而未供地块</Link>
              <Link to={`/parcels?platformKey=${platformKey}&subDatabase=supplied_not_used&clockStatus=idle`}>
                查看闲置地块
              </Link>
              <Link to={`/parcels?platformKey=${platformKey}&subDatabase=supplied_not_used&clockStatus=recovery`}>
                查看闲置满两年拟收回地块
              </Link>
              <Link to={`/parcels?platformKey=${platformKey}&subDatabase=vacated`}>查看腾空地块</Link>
            </Space>
          </Card>
        </>
      )}
      <DrillModal
        platformKey={platformKey}
        year={p?.year ?? undefined}
        drill={drill}
        onClose={() => {
          setDrill(null);
        }}
      />
    </Space>
  );
}

function DrillModal({
  platformKey,
  year,
  drill,
  onClose,
}: {
  platformKey: string;
  year?: number;
  drill: Drill | null;
  onClose: () => void;
}) {
  const rows = useProfileRows(platformKey, drill ? { year, by: drill.by, key: drill.key } : null);
  return (
    <Modal open={drill !== null} title={`${drill?.title ?? ''}：企业明细`} footer={null} onCancel={onClose} width={820}>
      <Table
        rowKey="creditCode"
        size="small"
        loading={rows.isPending}
        dataSource={rows.data?.items ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="drill-table"
        columns={[
          {
            title: '企业名称',
            dataIndex: 'name',
            render: (name, r) => <Link to={`/enterprises/${r.creditCode}`}>{name}</Link>,
          },
          { title: '行业代码', dataIndex: 'industryCode', width: 90 },
          { title: '营业收入（万元）', dataIndex: 'revenue', align: 'right', render: formatWan },
          { title: '税收（万元）', dataIndex: 'tax', align: 'right', render: formatWan },
          { title: '增加值（万元）', dataIndex: 'valueAdded', align: 'right', render: formatWan },
        ]}
      />
    </Modal>
  );
}
