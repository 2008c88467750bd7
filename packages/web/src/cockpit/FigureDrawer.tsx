import { Alert, Button, Descriptions, Drawer, List, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import type { CockpitFigureDef, CockpitView } from '@pgs/domain';
import { rowsLink } from './cockpit-links.ts';

/**
 * One figure opened: what it counts, its value in every column the reader may see (three platforms side by side and
 * the city), the rows themselves where the cockpit holds them (20亿 projects, warnings), and a way to each column's
 * rows on the module's own list page.
 */
export function FigureDrawer({
  def,
  view,
  onClose,
}: {
  def: CockpitFigureDef | null;
  view: CockpitView;
  /** How the reader closed it: a key (Esc) or the pointer (the close button or the mask). */
  onClose: (how: 'key' | 'pointer') => void;
}) {
  const navigate = useNavigate();
  const columns = [
    ...view.platforms.map((p) => ({ key: p.platformKey, name: p.platformName, figures: p.figures })),
    ...(view.city ? [{ key: null, name: '三平台合计', figures: view.city }] : []),
  ];
  return (
    <Drawer
      open={def !== null}
      onClose={(event) => {
        onClose(event.type === 'keydown' ? 'key' : 'pointer');
      }}
      size={640}
      title={def ? `${def.label}（截至 ${view.asOf}）` : ''}
      data-testid="figure-drawer"
    >
      {def && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Alert type="info" showIcon title="口径说明" description={def.explanation} />
          <Table
            size="small"
            pagination={false}
            rowKey={(row) => row.key ?? 'city'}
            dataSource={columns}
            columns={[
              { title: '范围', dataIndex: 'name' },
              {
                title: `${def.label}（${def.unit}）`,
                render: (_, row) => def.value(row.figures) ?? '—',
              },
              {
                title: '明细',
                render: (_, row) => (
                  <Button
                    type="link"
                    size="small"
                    data-testid={`figure-rows-${row.key ?? 'city'}`}
                    onClick={() => void navigate(rowsLink(def.key, row.key, row.figures, view))}
                  >
                    查看明细
                  </Button>
                ),
              },
            ]}
          />
          {def.key === 'largeLanded' && <LargeProjects view={view} />}
          {def.key === 'assessmentWarnings' && <Warnings view={view} />}
        </Space>
      )}
    </Drawer>
  );
}

function LargeProjects({ view }: { view: CockpitView }) {
  const navigate = useNavigate();
  const rows = view.city?.landed.large ?? view.platforms.flatMap((p) => p.figures.landed.large);
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '本年尚无总投资 20亿元以上的落地项目' }}
      columns={[
        {
          title: '项目名称',
          dataIndex: 'name',
          render: (name: string, row) => (
            <a onClick={() => void navigate(`/projects/${row.id}`)} data-testid={`large-project-${row.id}`}>
              {name}
            </a>
          ),
        },
        { title: '总投资（万元）', dataIndex: 'totalInvestment', align: 'right' },
        { title: '落地日期', dataIndex: 'landedOn' },
      ]}
    />
  );
}

function Warnings({ view }: { view: CockpitView }) {
  const rows = view.platforms.flatMap((p) =>
    (p.figures.assessment?.warnings ?? []).map((w) => ({ ...w, platformName: p.platformName })),
  );
  const source = view.platforms.find((p) => p.figures.assessment)?.figures.assessment;
  return (
    <>
      {source && (
        <Descriptions
          size="small"
          column={1}
          items={[{ label: '依据', children: `${source.year} 年度平台考核（已发布）` }]}
        />
      )}
      <List
        size="small"
        bordered
        dataSource={rows}
        locale={{ emptyText: '最近一次考核没有预警' }}
        renderItem={(w) => (
          <List.Item>
            <Typography.Text strong>
              {w.platformName} · {w.label}
            </Typography.Text>
            ：{w.reason}
          </List.Item>
        )}
      />
    </>
  );
}
