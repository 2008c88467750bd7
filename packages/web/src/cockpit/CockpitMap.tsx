import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, Button, Checkbox, Space, Typography } from 'antd';
import { PARCEL_STATE_LABELS } from '@pgs/domain';
import type { CockpitView } from '@pgs/domain/cockpit/cockpit.contract';
import { echarts, OptionChart } from '../shared/charts/MapChart.tsx';
import { useWenzhouMap } from '../targets/targets.api.ts';
import geojson from '../targets/maps/wenzhou-districts.geojson?raw';
import { PARCEL_STAGE_COLORS, parcelStagesOf } from '../targets/maps/wenzhou-map-option.ts';
import { cockpitMapOption, idleParcels } from './cockpit-map-option.ts';

// The districts file (licence beside it in targets/maps), registered once per page load like the land map does.
if (!echarts.getMap('温州')) echarts.registerMap('温州', JSON.parse(geojson) as never);

/**
 * The Wenzhou map on the cockpit (issue #14): the three platforms with their key figures on hover, a click choosing
 * that platform's column, and the parcels by life stage (a click opens the parcel). Its own chunk: loaded when drawn.
 */
export default function CockpitMap({
  view,
  chosen,
  onChoose,
  height,
}: {
  view: CockpitView;
  chosen: string;
  onChoose: (column: string) => void;
  height: number;
}) {
  const map = useWenzhouMap();
  const navigate = useNavigate();
  const [withParcels, setWithParcels] = useState(true);
  const option = useMemo(
    () => (map.data ? cockpitMapOption(map.data, view, chosen, withParcels) : {}),
    [map.data, view, chosen, withParcels],
  );
  const onClick = useCallback(
    (name: string) => {
      const platform = map.data?.platforms.find((p) => p.name === name);
      if (platform) {
        onChoose(platform.platformKey);
        return;
      }
      const parcel = map.data?.parcels.points.find((p) => p.code === name);
      if (parcel) void navigate(`/parcels/${parcel.id}`);
    },
    [map.data, onChoose, navigate],
  );
  // Entering or leaving full screen changes the box, not the window: the chart is told to fit it again.
  useEffect(() => {
    const resize = () => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-testid="cockpit-map"]'))
        echarts.getInstanceByDom(element)?.resize();
    };
    document.addEventListener('fullscreenchange', resize);
    return () => {
      document.removeEventListener('fullscreenchange', resize);
    };
  }, []);
  useEffect(() => {
    for (const element of document.querySelectorAll<HTMLElement>('[data-testid="cockpit-map"]'))
      echarts.getInstanceByDom(element)?.resize();
  }, [height]);
  if (map.error) return <Alert type="error" showIcon title={`地图未能加载：${map.error.message}`} />;
  const shown = (map.data?.platforms ?? []).filter((p) => view.platforms.some((v) => v.platformKey === p.platformKey));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <OptionChart option={option} height={height} testId="cockpit-map" onClick={onClick} />
      {withParcels && map.data ? (
        <Space wrap size="middle" data-testid="cockpit-map-legend">
          {parcelStagesOf(map.data).map((stage) => (
            <Typography.Text key={stage}>
              <span
                aria-hidden
                style={{
                  display: 'inline-block',
                  width: 10,
                  height: 10,
                  borderRadius: '50%',
                  marginRight: 6,
                  background: PARCEL_STAGE_COLORS[stage],
                }}
              />
              {PARCEL_STATE_LABELS[stage]}
            </Typography.Text>
          ))}
        </Space>
      ) : null}
      <Space wrap size="middle">
        <Checkbox
          checked={withParcels}
          onChange={(event) => {
            setWithParcels(event.target.checked);
          }}
          data-testid="cockpit-map-parcels"
        >
          显示地块
        </Checkbox>
        {shown.map((p) => (
          <Button
            key={p.platformKey}
            size="small"
            type={chosen === p.platformKey ? 'primary' : 'default'}
            onClick={() => {
              onChoose(p.platformKey);
            }}
            data-testid={`cockpit-map-choose-${p.platformKey}`}
          >
            {p.name}（闲置或可收回地块 {idleParcels(map.data!, p.platformKey)} 宗）
          </Button>
        ))}
        <Typography.Link onClick={() => void navigate('/targets/map/wenzhou')}>打开招商地图</Typography.Link>
      </Space>
      <Typography.Text type="secondary" data-testid="cockpit-map-caption">
        示意图：区县边界为 2019
        年前的划分（龙港市当时属苍南县），平台位置为大致位置，地块按台账登记的坐标标注；圆点越大本年落地计数越多，红色为当前所选平台，红圈地块为已闲置或可收回。
      </Typography.Text>
    </Space>
  );
}
