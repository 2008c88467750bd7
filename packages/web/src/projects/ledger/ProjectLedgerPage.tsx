import { useMemo } from 'react';
import { Button, Card, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined, FileAddOutlined, ProjectOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import type { ClassifyCategory, ProjectView } from '@pgs/domain';
import { useDownload } from '../../shared/useDownload.ts';
import { useMe } from '../../auth/session.ts';
import { formatDate } from '../../shared/format.ts';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { exportLedger, useProjects, type LedgerFilters } from '../projects.api.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatWan, platformShortName } from '../components/project-format.ts';
import { LedgerFilterForm } from './LedgerFilterForm.tsx';
import { filtersFromSearch, searchFromFilters } from './ledger-search-params.ts';

const columns: TableColumnsType<ProjectView> = [
  { title: '项目编号', dataIndex: 'id', width: 90, fixed: 'left' },
  {
    title: '项目名称',
    dataIndex: 'name',
    width: 220,
    fixed: 'left',
    render: (name: string, project) => (
      <Link to={`/projects/${project.id}`} data-testid={`ledger-link-${project.id}`}>
        {name}
      </Link>
    ),
  },
  { title: '平台', dataIndex: 'platformKey', width: 80, render: (key: string) => platformShortName(key) },
  { title: '投资方', dataIndex: 'investorName', width: 200, ellipsis: true },
  { title: '行业代码', dataIndex: 'industryCode', width: 90 },
  { title: '目录类别', dataIndex: 'category', width: 100, render: (category: ClassifyCategory) => <CategoryTag category={category} /> },
  { title: '总投资（万元）', dataIndex: 'totalInvestment', width: 130, align: 'right', render: formatWan },
  { title: '固定资产投资（万元）', dataIndex: 'fixedAssetInvestment', width: 150, align: 'right', render: formatWan },
  { title: '用地（亩）', dataIndex: 'landMu', width: 100, align: 'right', render: (mu: string | null) => (mu === null ? <Typography.Text type="secondary">无独立用地</Typography.Text> : formatWan(mu)) },
  { title: '预计年税收（万元）', dataIndex: 'expectedAnnualTax', width: 140, align: 'right', render: formatWan },
  { title: '阶段', dataIndex: 'status', width: 120, render: (status: ProjectView['status']) => <StatusTag status={status} /> },
  {
    title: '首报',
    dataIndex: 'firstReport',
    width: 90,
    render: (first: boolean, project) =>
      first ? (
        <Tag color="green">首报</Tag>
      ) : (
        <Tooltip title={`与项目 #${project.duplicateOf} 重复报送，首报以最先登记者为准（R2.3）`}>
          <Tag color="orange">重复报送</Tag>
        </Tooltip>
      ),
  },
  { title: '登记日期', dataIndex: 'reportedAt', width: 110, render: (value: string) => formatDate(value) },
  {
    title: '洽谈期限',
    dataIndex: 'negotiationDeadline',
    width: 150,
    render: (deadline: string | null, project) =>
      deadline ? (
        <Space size={4}>
          {deadline}
          {project.overdue && <Tag color="red">逾期</Tag>}
        </Space>
      ) : (
        '—'
      ),
  },
];

/** 招商项目台账 (R2.3–R2.5): the Excel sheet the platforms mailed around, with filters, paging and an Excel export. */
export function ProjectLedgerPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const page = Number(search.get('page') ?? 1) || 1;
  const pageSize = Number(search.get('pageSize') ?? 50) || 50;
  const projects = useProjects(filters, page, pageSize);
  const isPlatformUser = me?.role === 'platform';

  const show = (next: LedgerFilters, nextPage = 1, nextSize = pageSize) => setSearch(searchFromFilters(next, nextPage, nextSize));
  const exporting = useDownload(() => exportLedger(filters));

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <LedgerFilterForm value={filters} onChange={(next) => show(next)} fixedPlatform={isPlatformUser} />
      </Card>
      <Card
        title={isPlatformUser ? `${platformShortName(me?.platformKey)}平台项目` : '全部平台项目'}
        extra={
          <Space>
            {me && can(me.role, 'projects.report') && (
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => navigate('/projects/new')} data-testid="ledger-new">
                首报登记
              </Button>
            )}
            <Button icon={<ProjectOutlined />} onClick={() => navigate('/projects/board')}>
              阶段看板
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting.downloading} onClick={exporting.start} data-testid="ledger-export">
              导出Excel
            </Button>
          </Space>
        }
      >
        <div data-testid="ledger-table">
          <Table<ProjectView>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={projects.data?.items ?? []}
            loading={projects.isFetching}
            scroll={{ x: 1800 }}
            rowClassName={(project) => (project.overdue ? 'ledger-row-overdue' : '')}
            pagination={{
              current: page,
              pageSize,
              total: projects.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => <span data-testid="ledger-total">共 {total} 个项目</span>,
              onChange: (nextPage, nextSize) => show(filters, nextSize === pageSize ? nextPage : 1, nextSize),
            }}
          />
        </div>
      </Card>
    </Space>
  );
}
