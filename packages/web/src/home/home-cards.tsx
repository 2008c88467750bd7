import { lazy, type ReactNode } from 'react';
import type { Role } from '@pgs/domain/platform/roles';

/*
 * Issue #15: each group of cards is a chunk of its own, fetched when a role's 工作台 shows one of them, so the first
 * page after sign-in loads only the cards of the user's role (the auditor's review brings the select and pagination
 * of its list; the project cards bring the chart). HomePage.tsx holds the place of a card while it arrives.
 */
const projectCards = () => import('./cards/ProjectCards.tsx');
const enterpriseCards = () => import('./cards/EnterpriseCards.tsx');
const systemCards = () => import('./cards/SystemCards.tsx');
const ConfirmationQueueCard = lazy(() => projectCards().then((m) => ({ default: m.ConfirmationQueueCard })));
const OverdueNegotiationsCard = lazy(() => projectCards().then((m) => ({ default: m.OverdueNegotiationsCard })));
const ProjectStagesCard = lazy(() => projectCards().then((m) => ({ default: m.ProjectStagesCard })));
const LatestRunCard = lazy(() => enterpriseCards().then((m) => ({ default: m.LatestRunCard })));
const RecordYearsCard = lazy(() => enterpriseCards().then((m) => ({ default: m.RecordYearsCard })));
const AuditChainCard = lazy(() => systemCards().then((m) => ({ default: m.AuditChainCard })));
const CatalogDraftsCard = lazy(() => systemCards().then((m) => ({ default: m.CatalogDraftsCard })));
const CatalogsInForceCard = lazy(() => systemCards().then((m) => ({ default: m.CatalogsInForceCard })));
const LockedAccountsCard = lazy(() => systemCards().then((m) => ({ default: m.LockedAccountsCard })));
const AccountChangesReview = lazy(() =>
  import('../users/AccountChangesReview.tsx').then((m) => ({ default: m.AccountChangesReview })),
);
const CockpitHomeCard = lazy(() =>
  import('../cockpit/CockpitHomeCard.tsx').then((m) => ({ default: m.CockpitHomeCard })),
);
const DueParcelsCard = lazy(() => import('../land/DueParcelsCard.tsx').then((m) => ({ default: m.DueParcelsCard })));

/**
 * Which cards each role's 工作台 shows, first the work that waits. A new card is a component in ./cards and a
 * line here; each card fetches its own data and has its own error boundary (named `name` when it fails).
 */
export const HOME_CARDS: Record<
  Role,
  ReadonlyArray<{ key: string; name: string; card: ReactNode; /** The whole row wide. */ wide?: boolean }>
> = {
  leader: [
    // The cockpit is the leader's 工作台 (issue #14): its tiles lead the page, the other cards below.
    { key: 'cockpit', name: '驾驶舱', card: <CockpitHomeCard />, wide: true },
    { key: 'stages', name: '招商项目', card: <ProjectStagesCard title="全市招商项目（按阶段）" /> },
    { key: 'run', name: '亩均评价', card: <LatestRunCard /> },
    { key: 'catalogs', name: '现行产业准入目录', card: <CatalogsInForceCard /> },
  ],
  drc: [
    { key: 'drafts', name: '目录草稿', card: <CatalogDraftsCard /> },
    { key: 'catalogs', name: '现行产业准入目录', card: <CatalogsInForceCard /> },
  ],
  bureau: [
    { key: 'queue', name: '待确认入盯引库', card: <ConfirmationQueueCard /> },
    { key: 'overdue', name: '洽谈逾期', card: <OverdueNegotiationsCard to="/projects/queue" /> },
    { key: 'stages', name: '招商项目', card: <ProjectStagesCard title="全市招商项目（按阶段）" /> },
  ],
  eitc: [
    { key: 'run', name: '亩均评价', card: <LatestRunCard /> },
    { key: 'years', name: '企业年度数据', card: <RecordYearsCard /> },
    { key: 'due-parcels', name: '地块到期提醒', card: <DueParcelsCard /> },
  ],
  platform: [
    { key: 'stages', name: '招商项目', card: <ProjectStagesCard title="本平台招商项目（按阶段）" /> },
    { key: 'overdue', name: '洽谈逾期', card: <OverdueNegotiationsCard to="/projects" /> },
    { key: 'years', name: '企业年度数据', card: <RecordYearsCard /> },
    { key: 'run', name: '亩均评价', card: <LatestRunCard /> },
    { key: 'due-parcels', name: '地块到期提醒', card: <DueParcelsCard /> },
  ],
  auditor: [
    { key: 'audit', name: '审计日志校验', card: <AuditChainCard /> },
    // #10.11: every account and role change the admin or the operator made waits here for the auditor's review.
    { key: 'account-changes', name: '账号变更审阅', card: <AccountChangesReview /> },
  ],
  admin: [{ key: 'locked', name: '被锁定的账号', card: <LockedAccountsCard /> }],
};
