import { Card, Col, Empty, Row } from 'antd';
import type { CockpitFigures, CockpitView } from '@pgs/domain';
import { BarChart } from '../shared/charts/BarChart.tsx';
import { ClassDistributionChart } from '../mu-evaluation/runs/ClassDistributionChart.tsx';

/**
 * The charts under the numbers: the pipeline by stage of the column chosen, each platform's task completion side by
 * side, and the ABCD classes per platform. The same figures as the tiles (nothing is computed here).
 */
export function CockpitCharts({ view, figures }: { view: CockpitView; figures: CockpitFigures }) {
  const stages = figures.pipeline.stages
    .filter((stage) => stage.status !== 'lost' && stage.status !== 'rejected')
    .map((stage) => ({ name: stage.label, value: stage.count }));
  const shares = view.platforms.map((p) => ({
    name: p.platformName.replace(/产业集聚区|（.*）|\(.*\)/g, ''),
    value: p.figures.landed.taskShare === null ? 0 : Math.round(Number(p.figures.landed.taskShare) * 1000) / 10,
    highlighted: p.figures.landed.behind,
  }));
  const classes = view.platforms
    .filter((p) => p.figures.abcd)
    .map((p) => ({ name: p.platformName.replace(/产业集聚区|（.*）|\(.*\)/g, ''), counts: p.figures.abcd!.counts }));
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={9}>
        <Card size="small" title="项目阶段分布（个）">
          <BarChart data={stages} seriesName="项目数" unit="个" labelRotate={30} data-testid="cockpit-stage-chart" />
        </Card>
      </Col>
      <Col xs={24} xl={6}>
        <Card size="small" title="年度招商任务完成率（%，深色为明显滞后）">
          <BarChart data={shares} seriesName="任务完成率" unit="%" labelRotate={0} data-testid="cockpit-task-chart" />
        </Card>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title="亩均评价等级分布（家）">
          {classes.length > 0 ? (
            <ClassDistributionChart data={classes} height={280} />
          ) : (
            <Empty description="尚无已发布的亩均效益评价" />
          )}
        </Card>
      </Col>
    </Row>
  );
}
