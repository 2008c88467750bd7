import { Col, Row, Statistic } from 'antd';
import { HomeCard } from '../home/cards/HomeCard.tsx';
import { todayInShanghai } from '../shared/format.ts';
import { useCockpit } from './cockpit.api.ts';

/**
 * The leader's 工作台 leads to the cockpit (issue #14: "it is also the leader's 工作台"): the year's landed credit
 * against the task, the warnings of the latest assessment and the overdue items, from the cockpit's own figures.
 */
export function CockpitHomeCard() {
  const year = Number(todayInShanghai().slice(0, 4));
  const cockpit = useCockpit(year, undefined);
  const city = cockpit.data?.city;
  const overdue = city ? city.renewal.overdue + city.keyTasks.overdue : 0;
  return (
    <HomeCard
      title={`${year} 年驾驶舱`}
      to="/cockpit"
      action="打开驾驶舱"
      loading={cockpit.isLoading}
      testId="home-cockpit"
    >
      {city && (
        <Row gutter={12}>
          <Col span={8}>
            <Statistic
              title="本年落地项目计数"
              value={city.landed.credit}
              suffix={city.landed.task ? `/ ${city.landed.task} 个` : '个'}
            />
          </Col>
          <Col span={8}>
            <Statistic title="考核预警" value={city.assessment?.warnings.length ?? 0} suffix="项" />
          </Col>
          <Col span={8}>
            <Statistic title="逾期个案与任务" value={overdue} suffix="项" />
          </Col>
        </Row>
      )}
    </HomeCard>
  );
}
