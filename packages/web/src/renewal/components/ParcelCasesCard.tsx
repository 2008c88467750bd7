import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { RENEWAL_TRACK_LABELS, type RenewalCaseView } from '@pgs/domain';
import { useRenewalCases } from '../renewal.api.ts';
import { OverdueTag, StatusTag } from './renewal-format.tsx';

/**
 * On the parcel page: the renewal cases that name this parcel (an enterprise's exit that vacates it), read through
 * the renewal API. Shown only to readers of the cases, and only when there is one.
 */
export function ParcelCasesCard({ parcelCode, platformKey }: { parcelCode: string; platformKey: string }) {
  const { data } = useRenewalCases({ parcelCode, platformKey }, 1, 20);
  if (!data || data.total === 0) return null;
  return (
    <Card title="涉及本地块的存量更新案件" data-testid="parcel-cases">
      <Table<RenewalCaseView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data.items}
        columns={[
          {
            title: '企业',
            dataIndex: 'enterpriseName',
            render: (name: string, c) => <Link to={`/renewal/cases/${c.id}`}>{name}</Link>,
          },
          { title: '案件类型', dataIndex: 'track', render: (_: unknown, c) => RENEWAL_TRACK_LABELS[c.track] },
          { title: '状态', key: 'status', render: (_: unknown, c) => <StatusTag c={c} /> },
          { title: '完成期限', dataIndex: 'deadline' },
          { title: '逾期', key: 'overdue', render: (_: unknown, c) => <OverdueTag c={c} /> },
        ]}
      />
    </Card>
  );
}
