import { useState } from 'react';
import { Space } from 'antd';
import { HomeCard } from '../home/cards/HomeCard.tsx';
import { todayInShanghai } from '../shared/format.ts';
import { useCockpit } from './cockpit.api.ts';
import { CockpitTiles, chosenColumn } from './CockpitTiles.tsx';
import { Text } from '../shared/TextStyles.tsx';
import { SelectOnDemand } from '../shared/SelectOnDemand.tsx';

/**
 * The leader's 工作台 is the cockpit (issue #14: "it is also the leader's 工作台"): the first page after sign-in shows
 * the cockpit's figure tiles for this year to today, the same tiles, drawers and 查看明细 as the 驾驶舱 page, with a
 * column switch; the map, the charts, the export and the full-screen mode are one click away on the 驾驶舱 page, so
 * ECharts is not loaded on the first page (issue #15).
 */
export function CockpitHomeCard() {
  const year = Number(todayInShanghai().slice(0, 4));
  const cockpit = useCockpit(year, undefined);
  const [column, setColumn] = useState('city');
  const view = cockpit.data;
  const { columns, chosen, figures } = chosenColumn(view, column);
  return (
    <HomeCard
      title={`${year} 年驾驶舱`}
      to="/cockpit"
      action="打开驾驶舱（地图、图表、全屏展示）"
      loading={cockpit.isLoading}
      testId="home-cockpit"
    >
      {cockpit.error && <Text type="danger">{cockpit.error.message}</Text>}
      {view && figures && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            {/* A select, not the page's segmented switch; antd's Select loads when the leader comes to it. */}
            <SelectOnDemand
              aria-label="统计范围"
              data-testid="home-cockpit-column"
              style={{ width: 200 }}
              value={chosen}
              onChange={setColumn}
              options={columns}
            />
            <Text type="secondary">数据截至 {view.asOf}。点击任一数字查看各平台对比和明细，问号说明统计口径。</Text>
          </Space>
          <CockpitTiles view={view} figures={figures} />
        </Space>
      )}
    </HomeCard>
  );
}
