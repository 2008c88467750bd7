import { useState } from 'react';
import { Button, Drawer, Empty, Table, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { FIGURE_ROW_KIND_LABELS, type FigureRowKind } from '@pgs/domain';
import { downloadFigureRows, FIGURE_ROWS_PAGE_SIZE, useFigureRows, type ScoredCriterion } from './assessment.api.ts';
import { useDownload } from '../shared/useDownload.ts';
import { figureText } from './assessment-format.ts';

/** Rows whose module has a page of its own open it; the others (a quarter, a month, a milestone) are text. */
function rowLink(kind: string, ref: string): string | null {
  if (kind === 'project') return `/projects/${ref}`;
  if (kind === 'enterprise') return `/enterprises/${ref}`;
  if (kind === 'parcel') return `/parcels/${ref}`;
  if (kind === 'case') return `/renewal/cases/${ref}`;
  return null;
}

/**
 * A figure's provenance: the projects, enterprises, parcels, cases, quarters, months, tasks or milestones behind it
 * (issue 14: click a figure), read from the server a page at a time (issue #15: a land figure may have 100 000).
 */
export function FigureRowsDrawer(props: {
  assessmentId: number | null;
  criterion: ScoredCriterion | null;
  platformKey: string;
  platformName: string;
  onClose: () => void;
}) {
  const { assessmentId, criterion, platformKey, platformName, onClose } = props;
  // Each figure opens on its first page: the page chosen belongs to the figure it was chosen for.
  const figureKey = criterion ? `${platformKey}:${criterion.key}` : null;
  const [paging, setPaging] = useState({ figureKey, page: 1 });
  const page = paging.figureKey === figureKey ? paging.page : 1;
  const rows = useFigureRows(
    assessmentId,
    criterion && criterion.figure.rowCount > 0 ? { source: criterion.source, platformKey } : null,
    page,
  );
  const exported = useDownload(() =>
    assessmentId !== null && criterion
      ? downloadFigureRows(assessmentId, criterion.source, platformKey, `${platformName}${criterion.label}明细.xlsx`)
      : Promise.resolve(),
  );
  return (
    <Drawer
      open={criterion !== null}
      onClose={onClose}
      size="large"
      title={criterion ? `${platformName} · ${criterion.label}：${figureText(criterion.figure)}` : ''}
      extra={
        criterion && criterion.figure.rowCount > 0 && assessmentId !== null ? (
          <Button
            icon={<FileExcelOutlined />}
            loading={exported.downloading}
            onClick={() => void exported.start()}
            data-testid="figure-rows-export"
          >
            导出明细（Excel）
          </Button>
        ) : null
      }
      destroyOnHidden
    >
      {criterion && (
        <div data-testid="figure-rows">
          <Typography.Paragraph>{criterion.figure.explanation}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">计分：{criterion.explanation}</Typography.Paragraph>
          {criterion.figure.rowCount === 0 ? (
            <Empty
              description={
                criterion.figure.available ? '该数据没有明细记录' : '该项数据来源尚未接入，接入后即可看到明细'
              }
            />
          ) : (
            <Table
              rowKey={(row) => `${row.kind}:${row.ref}:${row.name}`}
              size="small"
              loading={rows.isFetching}
              dataSource={rows.data?.items ?? []}
              pagination={{
                current: page,
                pageSize: FIGURE_ROWS_PAGE_SIZE,
                total: rows.data?.total ?? criterion.figure.rowCount,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (next) => {
                  setPaging({ figureKey, page: next });
                },
              }}
              columns={[
                {
                  title: '类别',
                  dataIndex: 'kind',
                  width: 90,
                  render: (kind: FigureRowKind) => FIGURE_ROW_KIND_LABELS[kind],
                },
                {
                  title: '名称',
                  dataIndex: 'name',
                  render: (name: string, row) => {
                    const link = rowLink(row.kind, row.ref);
                    return link ? <a href={link}>{name}</a> : name;
                  },
                },
                { title: '计入', dataIndex: 'figure', width: 90 },
                { title: '说明', dataIndex: 'note' },
              ]}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
