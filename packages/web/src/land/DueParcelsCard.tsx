import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { DUE_KIND_LABELS } from '@pgs/domain';
import { PlainList } from '../shared/PlainList.tsx';
import { useDue } from './land.api.ts';
import { Text } from '../shared/TextStyles.tsx';

/** 工作台: the parcels whose thresholds pass within the month or have passed (earliest first). */
export function DueParcelsCard() {
  const due = useDue({ which: 'all' }, 1, 6);
  return (
    <Card
      title="地块到期提醒"
      loading={due.isLoading}
      extra={<Link to="/parcels/due">全部 {due.data?.total ?? 0} 项</Link>}
      data-testid="home-due-parcels"
    >
      {due.data && due.data.items.length === 0 ? (
        <Text type="secondary">{due.data.withinDays} 天内没有到期的地块事项。</Text>
      ) : (
        <PlainList
          items={due.data?.items ?? []}
          rowKey={(d) => `${d.parcelId}-${d.kind}-${d.dueOn}`}
          renderItem={(d) => (
            <>
              <Link to={`/parcels/${d.parcelId}`}>{d.code}</Link> {DUE_KIND_LABELS[d.kind]} {d.dueOn}{' '}
              {d.daysLeft > 0 ? (
                <Tag color="gold">还有 {d.daysLeft} 天</Tag>
              ) : (
                <Tag color="red">已过 {-d.daysLeft} 天</Tag>
              )}
            </>
          )}
        />
      )}
    </Card>
  );
}
