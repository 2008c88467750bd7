import { Alert, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { BASIS_LABELS, type CatalogDiffView, type CatalogItemView } from '@pgs/domain';
import { CategoryTag } from '../components/CategoryTag.tsx';
import { versionLabel } from '../components/VersionStateTag.tsx';
import { detailText } from '../../shared/format.ts';

type Changed = CatalogDiffView['changed'][number];

const CHANGED_STYLE = { background: '#fff7e6', padding: '2px 4px', borderRadius: 4 };
const FIELD_LABELS: Record<string, string> = {
  category: '类别',
  basis: '列入依据',
  note: '备注',
  keywords: '关键词',
  industryCode: '行业代码',
};

function itemKeyCells(item: CatalogItemView) {
  return (
    <>
      <Typography.Text strong>{item.industryCode}</Typography.Text> {item.industryName ?? ''}
      {item.keywords.length > 0 && (
        <div>
          {item.keywords.map((keyword) => (
            <Tag key={keyword}>{keyword}</Tag>
          ))}
        </div>
      )}
    </>
  );
}

const itemColumns: TableColumnsType<CatalogItemView> = [
  { title: '行业', key: 'industry', render: (_value, item) => itemKeyCells(item) },
  {
    title: '类别',
    dataIndex: 'category',
    width: 90,
    render: (category: CatalogItemView['category']) => <CategoryTag category={category} />,
  },
  { title: '列入依据', dataIndex: 'basis', render: (basis: CatalogItemView['basis']) => BASIS_LABELS[basis] },
  { title: '备注', dataIndex: 'note' },
];

function fieldValue(item: CatalogItemView, field: string) {
  if (field === 'category') return <CategoryTag category={item.category} />;
  if (field === 'basis') return BASIS_LABELS[item.basis];
  if (field === 'note') return item.note || '（空）';
  const value = (item as Record<string, unknown>)[field];
  return value === undefined || value === null ? '' : detailText(value);
}

/** A cell of a changed row: before → after, highlighted when this field changed. */
function changedCell(row: Changed, field: string) {
  if (!row.fields.includes(field)) return fieldValue(row.after, field);
  return (
    <span style={CHANGED_STYLE} data-testid={`changed-${field}`}>
      <del>{fieldValue(row.before, field)}</del> → {fieldValue(row.after, field)}
    </span>
  );
}

const changedColumns: TableColumnsType<Changed> = [
  { title: '行业', key: 'industry', render: (_value, row) => itemKeyCells(row.after) },
  { title: '类别', key: 'category', render: (_value, row) => changedCell(row, 'category') },
  { title: '列入依据', key: 'basis', render: (_value, row) => changedCell(row, 'basis') },
  { title: '备注', key: 'note', render: (_value, row) => changedCell(row, 'note') },
  {
    title: '变更字段',
    key: 'fields',
    width: 140,
    render: (_value, row) => row.fields.map((field) => FIELD_LABELS[field] ?? field).join('、'),
  },
];

/** 与现行版本对比: what publishing this draft would add, remove and change, and what stops it. */
export function DiffView({ diff }: { diff: CatalogDiffView }) {
  const nothingChanged = !diff.added.length && !diff.removed.length && !diff.changed.length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="diff-view">
      <Typography.Text>
        对比基准：{diff.baseVersion ? versionLabel(diff.baseVersion) : '无现行版本（全部条目均为新增）'}；新增{' '}
        {diff.added.length} 条，删除 {diff.removed.length} 条，变更 {diff.changed.length} 条，未变 {diff.unchanged} 条。
      </Typography.Text>
      {diff.problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="diff-problems"
          title={`有 ${diff.problems.length} 个问题，修正后才能发布`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {diff.problems.map((problem, index) => (
                <li key={index} style={{ color: '#cf1322' }}>
                  {problem.itemIndex !== null
                    ? `第 ${problem.itemIndex + 1} 条（${problem.industryCode}）：`
                    : `${problem.industryCode}：`}
                  {problem.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {nothingChanged && <Empty description="与现行版本相比没有变化" />}
      {diff.added.length > 0 && (
        <section data-testid="diff-added">
          <Typography.Title level={5} style={{ color: '#389e0d' }}>
            新增条目（{diff.added.length}）
          </Typography.Title>
          <Table rowKey="id" size="small" pagination={false} columns={itemColumns} dataSource={diff.added} />
        </section>
      )}
      {diff.removed.length > 0 && (
        <section data-testid="diff-removed">
          <Typography.Title level={5} style={{ color: '#cf1322' }}>
            删除条目（{diff.removed.length}）
          </Typography.Title>
          <Table rowKey="id" size="small" pagination={false} columns={itemColumns} dataSource={diff.removed} />
        </section>
      )}
      {diff.changed.length > 0 && (
        <section data-testid="diff-changed">
          <Typography.Title level={5} style={{ color: '#d46b08' }}>
            变更条目（{diff.changed.length}）
          </Typography.Title>
          <Table
            rowKey={(row) => row.after.id}
            size="small"
            pagination={false}
            columns={changedColumns}
            dataSource={diff.changed}
          />
        </section>
      )}
    </Space>
  );
}
