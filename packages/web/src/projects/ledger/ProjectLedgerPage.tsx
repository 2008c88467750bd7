import { useMemo } from 'react';
import { Button, Card, Space, Table } from 'antd';
import { DownloadOutlined, FileAddOutlined, ProjectOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import type { ProjectView } from '@pgs/domain';
import { useDownload } from '../../shared/useDownload.ts';
import { useMe } from '../../auth/session.ts';
import { exportLedger, useProjects, type LedgerFilters } from '../projects.api.ts';
import { platformShortName } from '../components/project-format.ts';
import { LEDGER_COLUMNS, LedgerColumnChooser, useHiddenLedgerColumns } from './ledger-columns.tsx';
import { LedgerFilterForm } from './LedgerFilterForm.tsx';
import { filtersFromSearch, searchFromFilters } from './ledger-search-params.ts';

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
  const [hidden, setHidden] = useHiddenLedgerColumns(me?.id);
  const columns = LEDGER_COLUMNS.filter((column) => !hidden.includes(String(column.key)));
  const scrollWidth = columns.reduce((sum, column) => sum + Number(column.width ?? 120), 0);

  const show = (next: LedgerFilters, nextPage = 1, nextSize = pageSize) => {
    setSearch(searchFromFilters(next, nextPage, nextSize));
  };
  const exporting = useDownload(() => exportLedger(filters));

  return (
    // A plain block, not a Space: a Space item grows to the table's width and the page would clip it (issue #9).
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Card>
        <LedgerFilterForm
          value={filters}
          onChange={(next) => {
            show(next);
          }}
          fixedPlatform={isPlatformUser}
        />
      </Card>
      <Card
        title={isPlatformUser ? `${platformShortName(me.platformKey)}平台项目` : '全部平台项目'}
        extra={
          <Space>
            {me && can(me.role, 'projects.report') && (
              <Button
                type="primary"
                icon={<FileAddOutlined />}
                onClick={() => void navigate('/projects/new')}
                data-testid="ledger-new"
              >
                首报登记
              </Button>
            )}
            <Button icon={<ProjectOutlined />} onClick={() => void navigate('/projects/board')}>
              阶段看板
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting.downloading}
              onClick={() => void exporting.start()}
              data-testid="ledger-export"
            >
              导出Excel
            </Button>
            <LedgerColumnChooser hidden={hidden} onChange={setHidden} />
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
            scroll={{ x: scrollWidth }}
            sticky={{ offsetScroll: 0 }}
            rowClassName={(project) => (project.overdue ? 'ledger-row-overdue' : '')}
            pagination={{
              current: page,
              pageSize,
              total: projects.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => <span data-testid="ledger-total">共 {total} 个项目</span>,
              onChange: (nextPage, nextSize) => {
                show(filters, nextSize === pageSize ? nextPage : 1, nextSize);
              },
            }}
          />
        </div>
      </Card>
    </div>
  );
}
