import { Card, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { platformShortName } from '../projects/components/project-format.ts';
import { useParcelMatches } from './land.api.ts';
import { mu } from './land-format.tsx';

/** 适合该项目的地块 (R2.1, R2.5), ranked, each with its reasons; other platforms' parcels marked as circulation. */
export function ParcelMatchesCard({ projectId }: { projectId: number }) {
  const matches = useParcelMatches(projectId);
  return (
    <Card title="适合该项目的地块" loading={matches.isLoading} data-testid="project-parcel-matches">
      <Typography.Paragraph type="secondary">
        条件：项目所属行业在地块所在平台为鼓励类；地块面积与项目用地相差不超过
        20%；地价已定时，按该地块面积计算的投资强度仍高于 350 万元/亩。
        按面积接近程度排序；首谈平台没有合适地块时，列出其他平台的地块作为流转建议。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={matches.data ?? []}
        locale={{ emptyText: '暂无符合条件的地块' }}
        renderItem={(m) => (
          <List.Item>
            <div>
              <Link to={`/parcels/${m.parcelId}`}>{m.code}</Link>（{platformShortName(m.platformKey)}，{mu(m.area)} 亩）
              {m.circulation && <Tag color="orange">流转建议</Tag>}
              {m.reasons.map((reason) => (
                <div key={reason} style={{ color: '#666' }}>
                  · {reason}
                </div>
              ))}
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
