import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  InputNumber,
  Result,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { can } from '@pgs/domain/platform/roles';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../../auth/session.ts';
import { isApiError } from '../../api/client.ts';
import { linkProject, targetKeys, useTarget } from '../targets.api.ts';
import { platformLabel, STATUS_COLORS, statusLabel, tierLabel, typeLabel } from '../target-labels.ts';
import { TargetFormModal } from '../library/TargetFormModal.tsx';

const KIND_LABELS: Record<string, string> = {
  created: '加入目标企业库',
  updated: '修改',
  status: '状态变化',
  carried: '季度结转',
  linked: '关联项目',
  unlinked: '取消关联项目',
  trip: '外出招商会见',
  trip_unlinked: '外出招商不再关联（修改或撤回）',
};

/** A target's page (issue #13): the systematic plan, its rows over the quarters, its history and its project. */
export function TargetDetailPage() {
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const target = useTarget(id);
  const [editing, setEditing] = useState(false);
  const [projectId, setProjectId] = useState<number | null>(null);
  if (target.isError)
    return (
      <Result
        status="404"
        title="目标企业不存在"
        subTitle="该目标企业不存在，或不属于本平台。"
        extra={<Button onClick={() => void navigate('/targets')}>返回目标企业库</Button>}
      />
    );
  const t = target.data;
  if (!t) return <Card loading />;
  const mayEdit = me ? can(me.role, 'targets.edit') && !t.quarterClosed : false;
  const link = async (next: number | null) => {
    try {
      await linkProject(t.id, next, t.version);
      message.success(next === null ? '已取消关联' : '已关联项目');
      await queryClient.invalidateQueries({ queryKey: targetKeys.all });
    } catch (error) {
      message.error(isApiError(error) ? error.message : '关联失败，请稍后重试');
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {t.quarterClosed && <Alert type="info" showIcon title={`${t.quarter} 季度已关闭，本条记录只能查看。`} />}
      <Card
        title={<span data-testid="target-title">{t.name}</span>}
        extra={
          <Space>
            <Link to={`/targets?platformKey=${t.platformKey}&quarter=${t.quarter}`}>返回 {t.quarter} 目标企业库</Link>
            {mayEdit && (
              <Button
                type="primary"
                onClick={() => {
                  setEditing(true);
                }}
                data-testid="edit-target"
              >
                修改
              </Button>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label="平台">{platformLabel(t.platformKey)}</Descriptions.Item>
          <Descriptions.Item label="季度">{t.quarter}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={STATUS_COLORS[t.status]} data-testid="target-status-tag">
              {statusLabel(t.status)}
            </Tag>
            {t.statusReason && `（${t.statusReason}）`}
          </Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{t.creditCode ?? '未填写'}</Descriptions.Item>
          <Descriptions.Item label="企业类型">{t.types.map(typeLabel).join('、')}</Descriptions.Item>
          <Descriptions.Item label="总部">
            {t.hqProvince} {t.hqCity} {t.focusRegion && <Tag color="volcano">重点区域</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="行业">{`${t.industryCode} ${t.industryName ?? ''}`}</Descriptions.Item>
          <Descriptions.Item label="本平台目录类别">
            {t.category === 'encouraged' ? '鼓励类' : <Tag color="orange">非鼓励类（理由：{t.reason ?? '—'}）</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label="预计投资">
            {t.expectedInvestment} 万元（{tierLabel(t.tier)}）
          </Descriptions.Item>
          <Descriptions.Item label="责任人">{t.owner}</Descriptions.Item>
          <Descriptions.Item label="来源渠道">{t.channelName ?? '未注明'}</Descriptions.Item>
          <Descriptions.Item label="入库 / 首次接触">
            {t.identifiedOn} / {t.contactedOn ?? '尚未接触'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="系统化招商方案" size="small">
        <Descriptions size="small" column={1} bordered data-testid="target-plan">
          <Descriptions.Item label="招商路径">{t.plan.path || '未填写'}</Descriptions.Item>
          <Descriptions.Item label="规划">{t.plan.planning || '未填写'}</Descriptions.Item>
          <Descriptions.Item label="招商策略">{t.plan.strategy || '未填写'}</Descriptions.Item>
          <Descriptions.Item label="谈判对策">{t.plan.tactics || '未填写'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="关联项目" size="small" data-testid="target-project">
        {t.project ? (
          <Space>
            <Link to={`/projects/${t.project.id}`}>{t.project.name}</Link>
            <Tag>{t.project.linkedBy === 'user' ? '手工关联' : '按统一社会信用代码自动关联'}</Tag>
            <span>登记于 {t.project.reportedOn}</span>
            {t.project.landedOn && <Tag color="green">已于 {t.project.landedOn} 落地</Tag>}
            {mayEdit && t.projectId !== null && (
              <Button size="small" onClick={() => void link(null)}>
                取消关联
              </Button>
            )}
          </Space>
        ) : (
          <Space>
            <Typography.Text type="secondary">
              尚无关联项目：企业以本统一社会信用代码首报项目时自动关联，也可填写项目编号手工关联。
            </Typography.Text>
            {mayEdit && (
              <>
                <InputNumber
                  min={1}
                  placeholder="项目编号"
                  value={projectId}
                  onChange={setProjectId}
                  data-testid="link-project-id"
                />
                <Button disabled={!projectId} onClick={() => void link(projectId)} data-testid="link-project">
                  关联
                </Button>
              </>
            )}
          </Space>
        )}
      </Card>
      <Card title="外出招商会见" size="small" data-testid="target-trips">
        {t.trips.length === 0 ? (
          <Typography.Text type="secondary">
            尚无外出招商会见记录：报备外出招商时选择本企业，即在此列出。
          </Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="tripId"
            pagination={false}
            dataSource={t.trips}
            columns={[
              { title: '出发', dataIndex: 'startOn' },
              { title: '返回', dataIndex: 'endOn' },
              { title: '目的地', render: (_: unknown, trip) => `${trip.province} ${trip.city}` },
              {
                title: '报备',
                render: (_: unknown, trip) => <Link to={`/trips?open=${trip.tripId}`}>查看报备 #{trip.tripId}</Link>,
              },
            ]}
          />
        )}
      </Card>
      <Card title="各季度情况" size="small">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={t.quarters}
          onRow={(row) => ({
            onClick: () => void navigate(`/targets/${row.id}`),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: '季度', dataIndex: 'quarter' },
            { title: '状态', dataIndex: 'status', render: statusLabel },
            { title: '档次', dataIndex: 'tier', render: tierLabel },
          ]}
        />
      </Card>
      <Card title="历史记录" size="small" data-testid="target-history">
        <Timeline
          items={t.history.map((event) => ({
            children: (
              <span>
                {event.at.slice(0, 10)} {event.quarter} {KIND_LABELS[event.kind] ?? event.kind}
                {event.fromStatus && event.toStatus && event.fromStatus !== event.toStatus
                  ? `：${statusLabel(event.fromStatus)} → ${statusLabel(event.toStatus)}`
                  : ''}
                {event.reason ? `（${event.reason}）` : ''}
              </span>
            ),
          }))}
        />
      </Card>
      <TargetFormModal
        open={editing}
        platformKey={t.platformKey}
        quarter={t.quarter}
        target={t}
        onClose={() => {
          setEditing(false);
        }}
        onSaved={() => {
          setEditing(false);
        }}
      />
    </Space>
  );
}
