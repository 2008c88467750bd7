import { Drawer, Empty, Table, Typography } from 'antd';
import type { ScoredCriterion } from './assessment.api.ts';
import { figureText } from './assessment-format.ts';

const KIND_LABELS: Record<string, string> = {
  project: '项目',
  enterprise: '企业',
  evaluation_run: '亩均评价',
  parcel: '地块',
  case: '个案',
  target: '目标企业库',
  trip: '外出招商',
  task: '重点任务',
  milestone: '节点',
};

/** Rows whose module has a page of its own open it; the others (a quarter, a month, a milestone) are text. */
function rowLink(kind: string, ref: string): string | null {
  if (kind === 'project') return `/projects/${ref}`;
  if (kind === 'enterprise') return `/enterprises/${ref}`;
  if (kind === 'parcel') return `/parcels/${ref}`;
  if (kind === 'case') return `/renewal/cases/${ref}`;
  return null;
}

/** A figure's provenance: the projects, enterprises, parcels, cases, quarters, months, tasks or milestones behind it (issue 14: click a figure). */
export function FigureRowsDrawer(props: {
  criterion: ScoredCriterion | null;
  platformName: string;
  onClose: () => void;
}) {
  const { criterion, platformName, onClose } = props;
  return (
    <Drawer
      open={criterion !== null}
      onClose={onClose}
      size="large"
      title={criterion ? `${platformName} · ${criterion.label}：${figureText(criterion.figure)}` : ''}
      destroyOnHidden
    >
      {criterion && (
        <div data-testid="figure-rows">
          <Typography.Paragraph>{criterion.figure.explanation}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">计分：{criterion.explanation}</Typography.Paragraph>
          {criterion.figure.rows.length === 0 ? (
            <Empty
              description={
                criterion.figure.available ? '该数据没有明细记录' : '该项数据来源尚未接入，接入后即可看到明细'
              }
            />
          ) : (
            <Table
              rowKey={(row) => `${row.kind}:${row.ref}:${row.name}`}
              size="small"
              dataSource={criterion.figure.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: '类别', dataIndex: 'kind', width: 90, render: (kind: string) => KIND_LABELS[kind] ?? kind },
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
