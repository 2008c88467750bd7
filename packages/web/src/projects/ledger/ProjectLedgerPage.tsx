import { Button, Card, Space, Table } from 'antd';
import { DownloadOutlined, FileAddOutlined, ProjectOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { CLASSIFY_CATEGORIES, isPlatformKey, PROJECT_STATUSES, SIZE_TIERS } from '@pgs/domain';
import { useDownload } from '../../shared/useDownload.ts';
import { useFilterParams } from '../../shared/useFilterParams.ts';
import { usePaging } from '../../shared/usePaging.ts';
import { isOneOf, isSearchText, isTrueOrFalse, patchFromForm } from '../../shared/filter-params.ts';
import { useMe } from '../../auth/session.ts';
import { exportLedger, useProjectFields } from '../projects.api.ts';
import { platformShortName } from '../components/project-format.ts';
import { LEDGER_COLUMNS, LedgerColumnChooser, useHiddenLedgerColumns } from './ledger-columns.tsx';
import { LEDGER_FIELDS, type LedgerRow } from './ledger-fields.ts';
import { LedgerFilterForm } from './LedgerFilterForm.tsx';

/** The ledger's filters as the address holds them, each as the server takes it (a bookmark or a colleague's link). */
const FILTERS = {
  platformKey: isPlatformKey,
  status: isOneOf(...PROJECT_STATUSES),
  category: isOneOf(...CLASSIFY_CATEGORIES),
  sizeTier: isOneOf(...(Object.keys(SIZE_TIERS) as (keyof typeof SIZE_TIERS)[])),
  overdue: isTrueOrFalse,
  // The contract's limit on the search (projectFilterSchema).
  q: isSearchText(100),
};
const FILTER_KEYS = Object.keys(FILTERS) as (keyof typeof FILTERS)[];

/** 招商项目台账 (R2.3–R2.5): the Excel sheet the platforms mailed around, with filters, paging and an Excel export. */
export function ProjectLedgerPage() {
  const { data: me } = useMe();
  const navigate = useNavigate();
  const [filters, setFilters] = useFilterParams(FILTERS);
  const paging = usePaging(50);
  const projects = useProjectFields(LEDGER_FIELDS, filters, paging.page, paging.pageSize);
  const isPlatformUser = me?.role === 'platform';
  // The card says whose projects it lists: the platform user's own, else the platform the filter chose, else all.
  const listedPlatform = isPlatformUser ? me.platformKey : filters.platformKey;
  const [hidden, setHidden] = useHiddenLedgerColumns(me?.id);
  const columns = LEDGER_COLUMNS.filter((column) => !hidden.includes(String(column.key)));
  const scrollWidth = columns.reduce((sum, column) => sum + Number(column.width ?? 120), 0);

  const exporting = useDownload(() => exportLedger(filters));

  return (
    // A plain block, not a Space: a Space item grows to the table's width and the page would clip it (issue #9).
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16, minWidth: 0 }}>
      <Card>
        <LedgerFilterForm
          value={filters}
          onChange={(next) => {
            setFilters(patchFromForm(FILTER_KEYS, next));
          }}
          fixedPlatform={isPlatformUser}
        />
      </Card>
      <Card
        title={
          <span data-testid="ledger-title">
            {listedPlatform ? `${platformShortName(listedPlatform)}平台项目` : '全部平台项目'}
          </span>
        }
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
          <Table<LedgerRow>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={projects.data?.items ?? []}
            loading={projects.isFetching}
            scroll={{ x: scrollWidth }}
            sticky={{ offsetScroll: 0 }}
            rowClassName={(project) => (project.overdue ? 'ledger-row-overdue' : '')}
            pagination={{
              current: paging.page,
              pageSize: paging.pageSize,
              total: projects.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100, 200],
              showTotal: (total) => <span data-testid="ledger-total">共 {total} 个项目</span>,
              onChange: paging.change,
            }}
          />
        </div>
      </Card>
    </div>
  );
}
