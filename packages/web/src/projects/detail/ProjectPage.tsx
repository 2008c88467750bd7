import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Result, Space, Spin, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { checkAccess, plainText, type ClassifyCategory } from '@pgs/domain';
import { isApiError } from '../../api/client.ts';
import { useMe } from '../../auth/session.ts';
import { formatDate, formatDateTime } from '../../shared/format.ts';
import { CategoryTag } from '../../catalog/components/CategoryTag.tsx';
import { useProject, useProjectEvaluations } from '../projects.api.ts';
import { StatusTag } from '../components/StatusTag.tsx';
import { formatWan, platformShortName } from '../components/project-format.ts';
import { ProjectActions } from './ProjectActions.tsx';
import { ProjectTimeline } from './ProjectTimeline.tsx';
import { AccessEvaluationDrawer } from './AccessEvaluationDrawer.tsx';
import { AccessChecklist } from '../components/AccessChecklist.tsx';
import { CirculationNotice } from './CirculationNotice.tsx';
import { AccessEvaluationRecordCard } from './AccessEvaluationRecordCard.tsx';
import { ParcelMatchesCard } from '../../land/ParcelMatchesCard.tsx';
import { CirculationModal } from './CirculationModal.tsx';

/** 项目详情: every figure as reported, the access check explained, what the user may do next, and the full history. */
export function ProjectPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data: me } = useMe();
  const project = useProject(id);
  const evaluations = useProjectEvaluations(id);
  const [dialog, setDialog] = useState<'evaluate' | 'circulate' | null>(null);

  if (project.isPending) return <Spin data-testid="page-loading" />;
  if (project.isError || !me) {
    const notFound = isApiError(project.error) && (project.error.status === 404 || project.error.status === 400);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '项目不存在' : '项目加载失败'}
        subTitle={notFound ? '该项目不存在，或不属于您所在的平台。' : project.error?.message}
        extra={<Button onClick={() => void navigate('/projects')}>返回台账</Button>}
        data-testid="project-not-found"
      />
    );
  }
  const p = project.data;
  const records = evaluations.data ?? [];
  const latest = records[0];
  const access = checkAccess({
    category: p.category as ClassifyCategory,
    fixedAssetInvestment: p.fixedAssetInvestment,
    expectedAnnualTax: p.expectedAnnualTax,
    landMu: p.landMu,
    sheet: latest ? { total: latest.total, passMark: latest.sheet.passMark } : null,
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="project-page">
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="project-name">
              {p.name}
            </Typography.Title>
            <StatusTag status={p.status} />
            {p.firstReport ? <Tag color="green">首报</Tag> : <Tag color="orange">重复报送</Tag>}
            {p.overdue && <Tag color="red">洽谈逾期</Tag>}
            <Typography.Text type="secondary">
              #{p.id} · 版本 v{p.version}
            </Typography.Text>
          </Space>
        }
        extra={
          <ProjectActions
            project={p}
            evaluations={records}
            me={me}
            onEvaluate={() => {
              setDialog('evaluate');
            }}
            onCirculate={() => {
              setDialog('circulate');
            }}
          />
        }
      >
        {p.firstReportInfo && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="duplicate-alert"
            title="重复报送"
            description={
              <>
                同一投资方的同一项目已由{platformShortName(p.firstReportInfo.platformKey)}于{' '}
                {formatDateTime(p.firstReportInfo.reportedAt)} 首报（
                <Link to={`/projects/${p.firstReportInfo.projectId}`}>项目 #{p.firstReportInfo.projectId}</Link>
                ），首报以最先登记者为准；本项目不能推进，只能标记流失或否决。
              </>
            }
          />
        )}
        {p.circulation && <CirculationNotice project={p} me={me} />}
        {p.closedReason && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={`终止原因：${plainText(p.closedReason)}`} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="project-facts">
          <Descriptions.Item label="所属平台">{platformShortName(p.platformKey)}</Descriptions.Item>
          <Descriptions.Item label="首谈（登记）平台">{platformShortName(p.reportedPlatformKey)}</Descriptions.Item>
          <Descriptions.Item label="登记">
            {formatDateTime(p.reportedAt)}（{p.reportedBy}）
          </Descriptions.Item>
          <Descriptions.Item label="投资方">{p.investorName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{p.investorCreditCode ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="行业代码">{p.industryCode}</Descriptions.Item>
          <Descriptions.Item label="目录类别">
            <CategoryTag category={p.category as ClassifyCategory} />{' '}
            {p.catalogVersion ? `（${p.catalogVersion}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="总投资">{formatWan(p.totalInvestment)} 万元</Descriptions.Item>
          <Descriptions.Item label="固定资产投资">{formatWan(p.fixedAssetInvestment)} 万元</Descriptions.Item>
          <Descriptions.Item label="用地">
            {p.landMu === null ? '无独立用地' : `${formatWan(p.landMu)} 亩`}
          </Descriptions.Item>
          <Descriptions.Item label="预计年税收">{formatWan(p.expectedAnnualTax)} 万元</Descriptions.Item>
          <Descriptions.Item label="预计年产值">
            {p.expectedAnnualOutput ? `${formatWan(p.expectedAnnualOutput)} 万元` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="盯引库确认">{formatDate(p.trackedOn)}</Descriptions.Item>
          <Descriptions.Item label="洽谈签约期限">{p.negotiationDeadline ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="落地日期">{formatDate(p.landedOn)}</Descriptions.Item>
          <Descriptions.Item label="项目简介" span={3}>
            {p.description || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title="准入标准核算"
        extra={<Tag color={access.passes ? 'green' : 'red'}>{access.passes ? '符合' : '不符合'}</Tag>}
        data-testid="project-access"
      >
        <AccessChecklist
          verdict={access}
          category={p.category as ClassifyCategory}
          sheet={latest ? { total: latest.total, passMark: latest.sheet.passMark } : null}
        />
      </Card>
      <AccessEvaluationRecordCard evaluations={records} />
      {/* Issue #12: the parcels that fit a project with land of its own, once it is being pursued. */}
      {!p.landless && !['lost', 'rejected', 'landed'].includes(p.status) && <ParcelMatchesCard projectId={p.id} />}
      <Card title="项目历程">
        <ProjectTimeline history={p.history} />
      </Card>
      {dialog === 'evaluate' && (
        <AccessEvaluationDrawer
          project={p}
          reviewerName={me.displayName}
          open
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog === 'circulate' && (
        <CirculationModal
          project={p}
          open
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </Space>
  );
}
