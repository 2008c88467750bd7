import { PROJECT_STATUS_LABELS } from '@pgs/domain';
import { LazyBarChart as BarChart } from '../../shared/charts/LazyBarChart.tsx';
import { useProjectCount, useProjectsByStage } from '../home.api.ts';
import { CountLine } from './CountLine.tsx';
import { HomeCard } from './HomeCard.tsx';

/** The bureau's queue (盯引库确认): projects whose access evaluation is done and wait to be confirmed (R2.4). */
export function ConfirmationQueueCard() {
  const count = useProjectCount({ status: 'evaluated' });
  return (
    <HomeCard title="待确认入盯引库" to="/projects/queue" action="去确认" loading={count.isPending} testId="home-queue">
      <CountLine
        value={count.data ?? 0}
        unit="个项目"
        note="已完成准入评估，等待确认入盯引库或否决。"
        emptyNote="目前没有等待确认的项目。"
        testId="home-queue-count"
      />
    </HomeCard>
  );
}

/** Negotiations past their window (洽谈期限): the bureau follows them up, a platform moves or closes them. */
export function OverdueNegotiationsCard({ to }: { to: string }) {
  const count = useProjectCount({ overdue: 'true' });
  return (
    <HomeCard title="洽谈逾期" to={to} action="去处理" loading={count.isPending} testId="home-overdue">
      <CountLine
        value={count.data ?? 0}
        unit="个项目"
        note="已超过洽谈期限仍未签约，请跟进推进或标记流失。"
        emptyNote="没有超过洽谈期限的项目。"
        testId="home-overdue-count"
      />
    </HomeCard>
  );
}

/** Projects by pipeline stage (a platform its own, D10; the departments all), as an ECharts bar chart. */
export function ProjectStagesCard({ title }: { title: string }) {
  const stages = useProjectsByStage();
  const data = stages.counts.map(({ status, count }) => ({ name: PROJECT_STATUS_LABELS[status], value: count }));
  return (
    <HomeCard title={title} to="/projects/board" action="看阶段看板" loading={stages.isPending} testId="home-stages">
      <BarChart
        data={data}
        seriesName="项目数"
        unit="个"
        height={260}
        labelRotate={30}
        data-testid="home-stages-chart"
      />
    </HomeCard>
  );
}
