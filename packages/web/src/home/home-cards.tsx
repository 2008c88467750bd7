import type { ReactNode } from 'react';
import type { Role } from '@pgs/domain/platform/roles';
import { ConfirmationQueueCard, OverdueNegotiationsCard, ProjectStagesCard } from './cards/ProjectCards.tsx';
import { LatestRunCard, RecordYearsCard } from './cards/EnterpriseCards.tsx';
import { AuditChainCard, CatalogDraftsCard, CatalogsInForceCard, LockedAccountsCard } from './cards/SystemCards.tsx';

/**
 * Which cards each role's 工作台 shows, first the work that waits. A new card is a component in ./cards and a
 * line here; each card fetches its own data and has its own error boundary.
 */
export const HOME_CARDS: Record<Role, ReadonlyArray<{ key: string; card: ReactNode }>> = {
  leader: [
    { key: 'stages', card: <ProjectStagesCard title="全市招商项目（按阶段）" /> },
    { key: 'run', card: <LatestRunCard /> },
    { key: 'catalogs', card: <CatalogsInForceCard /> },
  ],
  drc: [
    { key: 'drafts', card: <CatalogDraftsCard /> },
    { key: 'catalogs', card: <CatalogsInForceCard /> },
  ],
  bureau: [
    { key: 'queue', card: <ConfirmationQueueCard /> },
    { key: 'overdue', card: <OverdueNegotiationsCard to="/projects/queue" /> },
    { key: 'stages', card: <ProjectStagesCard title="全市招商项目（按阶段）" /> },
  ],
  eitc: [
    { key: 'run', card: <LatestRunCard /> },
    { key: 'years', card: <RecordYearsCard /> },
  ],
  platform: [
    { key: 'stages', card: <ProjectStagesCard title="本平台招商项目（按阶段）" /> },
    { key: 'overdue', card: <OverdueNegotiationsCard to="/projects" /> },
    { key: 'years', card: <RecordYearsCard /> },
    { key: 'run', card: <LatestRunCard /> },
  ],
  auditor: [{ key: 'audit', card: <AuditChainCard /> }],
  admin: [{ key: 'locked', card: <LockedAccountsCard /> }],
};
