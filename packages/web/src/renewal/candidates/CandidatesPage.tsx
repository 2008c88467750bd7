import { useState } from 'react';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { RENEWAL_TRACK_SHORT } from '@pgs/domain';
import { can } from '@pgs/domain/platform/roles';
import { useMe } from '../../auth/session.ts';
import { platformShortName } from '../../projects/components/project-format.ts';
import { PlatformSelect } from '../../shared/PlatformSelect.tsx';
import { useCandidates, type CandidateList } from '../renewal.api.ts';
import { NewCaseModal, type CasePreset } from '../components/NewCaseModal.tsx';

/**
 * 待立案企业: the enterprises of the latest year's 淘汰落后 and 停产僵尸 sub-databases, and those of the overcapacity
 * industries (钢铁、水泥、电解铝、平板玻璃、船舶), that have no case yet. Every backward enterprise belongs in the year's
 * elimination plan; a zombie stays on its exit until 出清.
 */
export function CandidatesPage() {
  const { data: me } = useMe();
  const [platformKey, setPlatformKey] = useState<string | undefined>(undefined);
  const [preset, setPreset] = useState<CasePreset | null>(null);
  const query = useCandidates({ platformKey });
  if (!me) return null;
  const manages = can(me.role, 'renewal.manage');
  type Row = CandidateList['items'][number];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <PlatformSelect names="short" value={platformKey} onChange={setPlatformKey} />
        <Typography.Text type="secondary" data-testid="candidates-summary">
          {query.data?.year
            ? `${query.data.year} 年度企业数据中尚未立案的企业：共 ${query.data.items.length} 家次。`
            : ''}
          淘汰落后企业须列入当年淘汰落后产能计划，停产僵尸企业须明确出清方式，产能严重过剩行业企业须核查是否为违规项目。
        </Typography.Text>
      </Space>
      <Table<Row>
        rowKey={(row) => `${row.creditCode}-${row.track}`}
        loading={query.isPending}
        dataSource={query.data?.items ?? []}
        pagination={{ pageSize: 50 }}
        locale={{ emptyText: <Empty description="所有淘汰落后、停产僵尸企业都已立案，无需处理" /> }}
        columns={[
          {
            title: '企业名称',
            dataIndex: 'name',
            render: (name, row) => <Link to={`/enterprises/${row.creditCode}`}>{name}</Link>,
          },
          { title: '平台', dataIndex: 'platformKey', width: 90, render: platformShortName },
          { title: '行业代码', dataIndex: 'industryCode', width: 90 },
          {
            title: '应立案件',
            dataIndex: 'track',
            width: 130,
            render: (track: Row['track']) => RENEWAL_TRACK_SHORT[track],
          },
          { title: '依据', dataIndex: 'basis' },
          ...(manages
            ? [
                {
                  title: '操作',
                  key: 'open',
                  width: 90,
                  render: (_: unknown, row: Row) => (
                    <Button
                      size="small"
                      onClick={() => {
                        setPreset({ creditCode: row.creditCode, name: row.name, track: row.track });
                      }}
                      data-testid={`open-case-${row.creditCode}-${row.track}`}
                    >
                      立案
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <NewCaseModal
        preset={preset}
        onClose={() => {
          setPreset(null);
        }}
      />
    </Space>
  );
}
