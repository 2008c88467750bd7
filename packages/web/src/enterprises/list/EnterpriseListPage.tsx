import { useMemo } from 'react';
import { Alert, Button, Card, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { DownloadOutlined, EnvironmentOutlined, ImportOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import {
  ENTERPRISE_KINDS,
  ENTERPRISE_SCALES,
  LAND_SUB_DATABASE_LABELS,
  LAND_SUB_DATABASES,
  NO_PLATFORM,
  PLATFORM_KEYS,
  type LandSubDatabase,
} from '@pgs/domain';
import { useMe } from '../../auth/session.ts';
import { useDownload } from '../../shared/useDownload.ts';
import { useFilterParams } from '../../shared/useFilterParams.ts';
import { usePaging } from '../../shared/usePaging.ts';
import { isOneOf, isSearchText, patchFromForm } from '../../shared/filter-params.ts';
import {
  exportEnterprises,
  SUB_DATABASE_LABELS,
  SUB_DATABASES,
  useEnterprises,
  type EnterpriseFilters,
  type EnterpriseRecordView,
  type SubDatabase,
} from '../enterprises.api.ts';
import { ownPlatformOf, platformFull } from '../components/enterprise-format.ts';
import { useSelectedYear, YearSelect } from '../components/YearSelect.tsx';
import { ENTERPRISE_COLUMNS } from './enterprise-columns.tsx';
import { EnterpriseFilterForm } from './EnterpriseFilterForm.tsx';

/**
 * The list's filters as the address holds them, each as the server takes it; the year is the address's too, read by
 * `useSelectedYear` (the evaluation pages share it). The sub-database is the tab; the others are the form's.
 */
const FILTERS = {
  platformKey: isOneOf(...PLATFORM_KEYS, NO_PLATFORM),
  kind: isOneOf(...ENTERPRISE_KINDS),
  scale: isOneOf(...ENTERPRISE_SCALES),
  subDatabase: isOneOf(...SUB_DATABASES),
  // The contract's limit on the search (enterpriseFilterSchema).
  q: isSearchText(100),
};
const FORM_KEYS = ['platformKey', 'kind', 'scale', 'q'] as const;

/** What each sub-database of R3.1 holds, said above its list. */
const SUB_DATABASE_NOTES: Record<SubDatabase | 'all', string> = {
  all: '本年度全部企业（含自有用地企业和承租企业），点击一行查看历年数据和评价结果。批而未供、供而未用、腾空改造三个土地子库是地块台账中的地块，点击对应标签打开地块台账（可筛选、导出Excel）。',
  backward:
    '淘汰落后类（§三(二)）：导入数据中标记为淘汰落后产能的企业，列入年度淘汰计划；悬停“淘汰落后”标记可看认定依据。',
  low_efficiency:
    '低效产出类（§三(二)）：亩均税收不高于整治线的工业企业——三大平台内 5 万元/亩、平台外 1 万元/亩（“以下”含本数），自有用地和承租企业一并计入。',
  zombie:
    '停产僵尸类（§三(二)）：导入数据中标记为停产僵尸的企业，通过兼并重组、债务重组、破产清算等方式退出；悬停“停产僵尸”标记可看认定依据。',
};

/** 企业库 (R3.1): every enterprise's yearly figures, the sub-databases, Excel export; filters in the address. */
export function EnterpriseListPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [chosen, setFilters] = useFilterParams(FILTERS);
  const paging = usePaging(50);
  const { year, years, setYear } = useSelectedYear();
  const ownPlatform = ownPlatformOf(me);
  const filters: EnterpriseFilters = useMemo(
    () => ({ ...chosen, year, ...(ownPlatform ? { platformKey: ownPlatform } : {}) }),
    [chosen, year, ownPlatform],
  );
  const enterprises = useEnterprises(filters, paging.page, paging.pageSize, year !== undefined);
  const exporting = useDownload(() => exportEnterprises(filters));
  const tab = filters.subDatabase ?? 'all';

  const tabItems = [
    { key: 'all', label: '全部企业' },
    ...SUB_DATABASES.map((key) => ({ key, label: SUB_DATABASE_LABELS[key] })),
    // R3.1's three land sub-databases are lists of parcels, kept in the parcel ledger: their tabs open it there.
    ...LAND_SUB_DATABASES.map((key) => ({
      key: `land-${key}`,
      label: (
        <Tooltip title="打开地块台账中的该子库（可筛选、导出Excel）">
          <span data-testid={`subdb-land-${key}`}>
            <EnvironmentOutlined /> {LAND_SUB_DATABASE_LABELS[key]}
          </span>
        </Tooltip>
      ),
    })),
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Space size="large" wrap>
            <YearSelect value={year} onChange={setYear} years={years} data-testid="enterprise-year" />
            {ownPlatform && (
              <Typography.Text type="secondary">平台用户只能查看{platformFull(ownPlatform)}的企业。</Typography.Text>
            )}
          </Space>
          <EnterpriseFilterForm
            value={filters}
            ownPlatform={ownPlatform}
            onChange={(next) => {
              setFilters(patchFromForm(FORM_KEYS, next));
            }}
          />
        </Space>
      </Card>
      <Card
        title={`${year ?? ''} 年企业库${ownPlatform ? ` · ${platformFull(ownPlatform)}` : ''}`}
        extra={
          <Space>
            {me && can(me.role, 'enterprises.import') && (
              <Button
                icon={<ImportOutlined />}
                onClick={() => void navigate(`/enterprises/import${year ? `?year=${year}` : ''}`)}
                data-testid="enterprise-import-link"
              >
                导入年度数据
              </Button>
            )}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              disabled={year === undefined}
              onClick={() => void exporting.start()}
              data-testid="enterprise-export"
            >
              导出Excel
            </Button>
          </Space>
        }
      >
        <Tabs
          activeKey={tab}
          items={tabItems}
          onChange={(key) => {
            if (key.startsWith('land-')) {
              void navigate(`/parcels?subDatabase=${key.slice(5) as LandSubDatabase}`);
              return;
            }
            setFilters({ subDatabase: key === 'all' ? undefined : key });
          }}
          data-testid="enterprise-subdb-tabs"
        />
        <Typography.Paragraph type="secondary" data-testid="enterprise-subdb-note">
          {SUB_DATABASE_NOTES[tab]}
        </Typography.Paragraph>
        {enterprises.error && (
          <Alert type="error" showIcon title={enterprises.error.message} style={{ marginBottom: 12 }} />
        )}
        <div data-testid="enterprise-table">
          <Table<EnterpriseRecordView>
            rowKey="creditCode"
            size="middle"
            columns={ENTERPRISE_COLUMNS}
            dataSource={enterprises.data?.items ?? []}
            loading={enterprises.isFetching}
            scroll={{ x: 2260 }}
            onRow={(record) => ({
              onClick: () => void navigate(`/enterprises/${record.creditCode}`),
              style: { cursor: 'pointer' },
            })}
            locale={{ emptyText: year === undefined ? '请选择年度' : `${year} 年没有符合条件的企业` }}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: enterprises.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => <span data-testid="enterprise-total">共 {total} 家企业</span>,
              onChange: paging.change,
            }}
          />
        </div>
      </Card>
    </Space>
  );
}
