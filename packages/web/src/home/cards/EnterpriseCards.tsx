import { Space, Tag } from 'antd';
import { Link } from 'react-router';
// format-count, not format: the 工作台 loads no decimal.js (issue #15).
import { formatCount } from '@pgs/domain/platform/format-count';
import { RUN_STATUS_LABELS } from '../../mu-evaluation/mu-evaluation.api.ts';
import { runLabel } from '../../mu-evaluation/runs/run-label.ts';
import { todayInShanghai } from '../../shared/format.ts';
import { useLatestRun, useRecordYears, useRectificationCount } from '../home.api.ts';
import { PlainList } from '../../shared/PlainList.tsx';
import { HomeCard } from './HomeCard.tsx';
import { Text } from '../../shared/TextStyles.tsx';

/**
 * The enterprise data of the recent years: which years are imported and how many enterprises each holds; last
 * year missing is what waits (the evaluation of a year needs its data, R3.1–R3.2).
 */
export function RecordYearsCard() {
  const years = useRecordYears();
  const lastYear = Number(todayInShanghai().slice(0, 4)) - 1;
  const items = years.data ?? [];
  const missing = !items.some((item) => item.year === lastYear);
  return (
    <HomeCard
      title="企业年度数据"
      to="/enterprises/import"
      action="去导入"
      loading={years.isPending}
      testId="home-record-years"
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {missing ? (
          <Text type="warning" data-testid="home-record-years-missing">
            {lastYear} 年度的企业数据尚未导入。
          </Text>
        ) : (
          <Text type="secondary">{lastYear} 年度的企业数据已导入。</Text>
        )}
        <PlainList
          items={items.slice(0, 3)}
          rowKey={(item) => item.year}
          emptyText="还没有导入任何年度的企业数据。"
          renderItem={(item) => (
            <>
              {item.year} 年度：{formatCount(item.count, '家企业')}
            </>
          )}
        />
      </Space>
    </HomeCard>
  );
}

/** The newest mu-evaluation run the user may see, its state and its rectification list (R3.2, R3.4). */
export function LatestRunCard() {
  const run = useLatestRun();
  const latest = run.data ?? null;
  const rectification = useRectificationCount(latest?.id);
  return (
    <HomeCard title="亩均评价" to="/evaluations" action="看评价" loading={run.isPending} testId="home-latest-run">
      {latest ? (
        <Space orientation="vertical" data-testid="home-latest-run-body">
          <Space>
            <Text strong>{runLabel(latest)}评价</Text>
            <Tag color={latest.status === 'published' ? 'green' : 'gold'}>{RUN_STATUS_LABELS[latest.status]}</Tag>
          </Space>
          <Text>
            参评 {formatCount(latest.total, '家')}：A 类 {latest.counts.A}、B 类 {latest.counts.B}、C 类{' '}
            {latest.counts.C}、D 类 {latest.counts.D} 家
          </Text>
          <Link to={`/evaluations/${latest.id}/rectification`} data-testid="home-rectification-link">
            亩均税收整治名单：{rectification.data === undefined ? '…' : formatCount(rectification.data, '家')}
          </Link>
        </Space>
      ) : (
        <Text type="secondary" data-testid="home-latest-run-empty">
          还没有可查看的亩均评价结果。
        </Text>
      )}
    </HomeCard>
  );
}
