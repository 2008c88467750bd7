import { useState } from 'react';
import { Breadcrumb, Button, Card, Input, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { can, INDUSTRY_LEVEL_LABELS, type Industry, type IndustryLevel } from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useIndustries, useIndustry, type IndustryListParams } from '../industries.api.ts';
import { IndustryImportCard } from './IndustryImportCard.tsx';
import { PagedTable } from '../../shared/PagedTable.tsx';
import { usePaging } from '../../shared/usePaging.ts';

const LEVEL_COLORS: Record<IndustryLevel, string> = {
  section: 'purple',
  division: 'blue',
  group: 'cyan',
  class: 'green',
};
const CHILD_LEVEL: Record<IndustryLevel, string | null> = {
  section: '大类',
  division: '中类',
  group: '小类',
  class: null,
};

/** 行业代码查询: search GB/T 4754-2017 by code or name, or drill down 门类 → 大类 → 中类 → 小类. */
export function IndustriesPage() {
  const { data: user } = useMe();
  const [search, setSearch] = useState('');
  // What the box shows; kept apart from `search` so leaving a search (back to browsing) also empties the box.
  const [searchText, setSearchText] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const paging = usePaging(50);
  const page = { page: paging.page, pageSize: paging.pageSize };
  const params: IndustryListParams = search
    ? { q: search, ...page }
    : parent
      ? { parent, ...page }
      : { level: 'section', ...page };
  const list = useIndustries(params);
  const parentDetail = useIndustry(search ? null : parent);

  const drillTo = (code: string | null) => {
    setSearch('');
    setSearchText('');
    setParent(code);
    paging.reset();
  };
  const lineage = parentDetail.data ? dedupe([...parentDetail.data.lineage, parentDetail.data]) : [];

  const columns: TableColumnsType<Industry> = [
    {
      title: '代码',
      dataIndex: 'code',
      width: 100,
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: '名称', dataIndex: 'name' },
    {
      title: '层级',
      dataIndex: 'level',
      width: 90,
      render: (level: IndustryLevel) => <Tag color={LEVEL_COLORS[level]}>{INDUSTRY_LEVEL_LABELS[level]}</Tag>,
    },
    { title: '上级代码', dataIndex: 'parent', width: 100, render: (value: string | null) => value ?? '—' },
    {
      title: '操作',
      key: 'drill',
      width: 120,
      render: (_value, industry) =>
        CHILD_LEVEL[industry.level] && (
          <Button
            type="link"
            size="small"
            onClick={() => {
              drillTo(industry.code);
            }}
            data-testid={`drill-${industry.code}`}
          >
            查看{CHILD_LEVEL[industry.level]}
          </Button>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {user && can(user.role, 'industries.import') && <IndustryImportCard />}
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            enterButton="查询"
            placeholder="输入行业代码或名称，如 3612、汽车制造"
            style={{ maxWidth: 480 }}
            value={searchText}
            onChange={(event) => {
              setSearchText(event.target.value);
            }}
            onSearch={(value) => {
              setSearch(value.trim());
              paging.reset();
            }}
            data-testid="industries-search"
          />
          <div data-testid="industries-breadcrumb">
            {search ? (
              <Space>
                <Typography.Text>搜索“{search}”的结果</Typography.Text>
                <Button
                  size="small"
                  onClick={() => {
                    drillTo(parent);
                  }}
                >
                  返回分类浏览
                </Button>
              </Space>
            ) : (
              <Breadcrumb
                items={[
                  {
                    key: 'root',
                    title: (
                      <a
                        onClick={() => {
                          drillTo(null);
                        }}
                      >
                        全部门类
                      </a>
                    ),
                  },
                  ...lineage.map((industry) => ({
                    key: industry.code,
                    title:
                      industry.code === parent ? (
                        `${industry.code} ${industry.name}`
                      ) : (
                        <a
                          onClick={() => {
                            drillTo(industry.code);
                          }}
                        >{`${industry.code} ${industry.name}`}</a>
                      ),
                  })),
                ]}
              />
            )}
          </div>
          <div data-testid="industries-table">
            <PagedTable<Industry>
              rowKey="code"
              size="middle"
              columns={columns}
              query={list}
              paging={paging}
              pageSizeOptions={[20, 50, 100, 200]}
              totalText={(total) => `共 ${total} 条`}
            />
          </div>
        </Space>
      </Card>
    </Space>
  );
}

function dedupe(industries: Industry[]): Industry[] {
  const seen = new Set<string>();
  return industries.filter((industry) => !seen.has(industry.code) && seen.add(industry.code));
}
