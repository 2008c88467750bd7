import { useState } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { AssessmentView, PlatformRow, ScoredCriterion } from './assessment.api.ts';
import { figureText, scoreText } from './assessment-format.ts';
import { FigureRowsDrawer } from './FigureRowsDrawer.tsx';

/** Per-platform scores of one assessment; a platform's row opens its criteria; a figure opens its rows. */
export function PlatformScores({ view }: { view: AssessmentView }) {
  const [open, setOpen] = useState<{ criterion: ScoredCriterion; platform: string; platformKey: string } | null>(null);
  const criteriaColumns = (platform: PlatformRow): TableColumnsType<ScoredCriterion> => [
    { title: '类别', dataIndex: 'groupLabel', width: 190 },
    { title: '考核指标', dataIndex: 'label' },
    { title: '权重', dataIndex: 'weight', width: 70 },
    {
      title: '完成值',
      key: 'figure',
      width: 150,
      render: (_v, c) => (
        <Tooltip title={c.figure.explanation}>
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            data-testid={`figure-${platform.platformKey}-${c.key}`}
            onClick={() => {
              setOpen({ criterion: c, platform: platform.platformName, platformKey: platform.platformKey });
            }}
          >
            {c.figure.available ? figureText(c.figure) : <Tag color="default">数据待接入</Tag>}
          </Button>
        </Tooltip>
      ),
    },
    {
      title: '得分',
      key: 'points',
      width: 110,
      render: (_v, c) => (
        <Tooltip title={c.explanation}>
          <span>
            {scoreText(c.points)}
            {c.capped && <Tag style={{ marginLeft: 4 }}>封顶</Tag>}
          </span>
        </Tooltip>
      ),
    },
  ];
  const columns: TableColumnsType<PlatformRow> = [
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: '平台', dataIndex: 'platformName' },
    {
      title: (
        <Tooltip title="总分 = 各项指标得分之和 + 加减分 + 重大制造业项目加分（不封顶）">
          <span>总分 ⓘ</span>
        </Tooltip>
      ),
      key: 'score',
      width: 110,
      render: (_v, p) => <Typography.Text strong>{scoreText(p.score)}</Typography.Text>,
    },
    {
      title: '重大项目加分',
      key: 'bonus',
      width: 130,
      render: (_v, p) => (p.detailed ? scoreText(p.bonus.points) : '—'),
    },
    {
      title: '预警',
      key: 'warnings',
      render: (_v, p) =>
        p.warnings.length === 0 ? (
          '—'
        ) : (
          <Space wrap>
            {p.warnings.map((w) => (
              <Tooltip key={w.kind} title={w.reason}>
                <Tag color="red">{w.label}</Tag>
              </Tooltip>
            ))}
          </Space>
        ),
    },
  ];
  return (
    <Card title="各平台得分（点击平台查看分项，点击完成值查看明细）" size="small" data-testid="platform-scores">
      <Table<PlatformRow>
        rowKey="platformKey"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={view.platforms}
        expandable={{
          rowExpandable: (p) => p.detailed,
          expandRowByClick: true,
          defaultExpandedRowKeys: view.platforms
            .filter((p) => p.detailed)
            .slice(0, 1)
            .map((p) => p.platformKey),
          expandedRowRender: (p) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Table<ScoredCriterion>
                rowKey="key"
                size="small"
                pagination={false}
                columns={criteriaColumns(p)}
                dataSource={p.criteria}
              />
              {p.manual.length > 0 && (
                <Typography.Text>
                  加减分：
                  {p.manual
                    .map(
                      (m) =>
                        `${m.label} ${m.points > 0 ? '+' : ''}${m.points} 分（${m.reason}；${m.by ?? ''} ${m.at?.slice(0, 10) ?? ''}）`,
                    )
                    .join('；')}
                </Typography.Text>
              )}
              {p.schedule && <Typography.Text type="secondary">年度任务进度：{p.schedule.reason}</Typography.Text>}
            </Space>
          ),
        }}
      />
      <FigureRowsDrawer
        assessmentId={view.id}
        criterion={open?.criterion ?? null}
        platformKey={open?.platformKey ?? ''}
        platformName={open?.platform ?? ''}
        onClose={() => {
          setOpen(null);
        }}
      />
    </Card>
  );
}

/** R4.3 the uncapped bonus: every qualifying project with its share and points. */
export function BonusProjects({ view }: { view: AssessmentView }) {
  const rows = view.platforms.flatMap((p) => p.bonus.projects.map((b) => ({ ...b, platformName: p.platformName })));
  return (
    <Card
      size="small"
      title="重大制造业项目加分（当年落地、总投资20亿元（含）以上、属鼓励类的单体制造业项目，不封顶）"
      data-testid="bonus-projects"
    >
      <Table
        rowKey={(row) => `${row.platformName}:${row.id}`}
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '本年度没有符合加分条件的项目' }}
        columns={[
          { title: '平台', dataIndex: 'platformName', width: 200 },
          {
            title: '项目',
            dataIndex: 'name',
            render: (name: string, row) => <a href={`/projects/${row.id}`}>{name}</a>,
          },
          { title: '总投资（万元）', dataIndex: 'totalInvestment', width: 140 },
          {
            title: '计分份额',
            dataIndex: 'share',
            width: 110,
            render: (share: number) => (share === 1 ? '全部' : `${(share * 100).toFixed(0)}%（流转分成）`),
          },
          { title: '加分', dataIndex: 'points', width: 80 },
        ]}
      />
      {view.bonusExcluded.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          未加分的当年落地项目：{view.bonusExcluded.map((e) => `${e.name}（${e.reason}）`).join('；')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
