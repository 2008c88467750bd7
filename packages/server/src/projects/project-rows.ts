import { eq, inArray } from 'drizzle-orm';
import { isNegotiationOverdue, negotiationDeadline, type ProjectView } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { type Actor } from '../platform/actor.ts';
import { forbidden, notFound } from '../platform/errors.ts';
import { projectCirculations, projects } from './projects.table.ts';
import { displayNamesOf } from '../users/users.service.ts';

export type ProjectRow = typeof projects.$inferSelect;

/**
 * D10: a platform user sees only its own platform's projects, and those it reported that circulated away (it keeps
 * part of their credit, so it reads them); others do not learn that the id exists.
 */
export function assertVisible(actor: Actor, row: ProjectRow | undefined): asserts row is ProjectRow {
  if (!row) throw notFound('项目不存在');
  if (
    actor.role === 'platform' &&
    row.platformKey !== actor.platformKey &&
    row.reportedPlatformKey !== actor.platformKey
  )
    throw notFound('项目不存在');
}

/** D10: the first-negotiation platform reads a circulated project but the host platform acts on it. */
export function assertHolder(actor: Actor, row: ProjectRow): void {
  if (actor.role === 'platform' && row.platformKey !== actor.platformKey)
    throw forbidden('该项目已流转至其他平台，由注册落户地平台办理，本平台只能查看');
}

export async function findProject(db: Db | Tx, id: number) {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

/** `windowDays` is the negotiation window in force now: changing it re-dates every open negotiation's deadline. */
export type CirculationRow = typeof projectCirculations.$inferSelect;

/** What a project's view reads of its row: every column but the identity key and the time of the last change. */
export type ViewedRow = Omit<ProjectRow, 'identityKey' | 'updatedAt'>;

export function toView(
  row: ViewedRow,
  first: ProjectRow | undefined,
  today: string,
  windowDays: number,
  circulation?: CirculationRow,
): ProjectView {
  return {
    id: row.id,
    name: row.name,
    platformKey: row.platformKey,
    reportedPlatformKey: row.reportedPlatformKey,
    investorName: row.investorName,
    investorCreditCode: row.investorCreditCode,
    industryCode: row.industryCode,
    totalInvestment: row.totalInvestment,
    fixedAssetInvestment: row.fixedAssetInvestment,
    landMu: row.landMu,
    landless: row.landMu === null,
    expectedAnnualTax: row.expectedAnnualTax,
    expectedAnnualOutput: row.expectedAnnualOutput,
    description: row.description,
    category: row.categoryAtReport,
    catalogVersion: row.catalogVersionAtReport,
    status: row.status,
    version: row.version,
    firstReport: row.firstReport,
    duplicateOf: row.duplicateOf,
    firstReportInfo: first
      ? { projectId: first.id, platformKey: first.platformKey, reportedAt: first.reportedAt.toISOString() }
      : null,
    reportedAt: row.reportedAt.toISOString(),
    reportedBy: row.reportedBy,
    trackedOn: row.trackedOn,
    landedOn: row.landedOn,
    closedReason: row.closedReason,
    negotiationDeadline: row.trackedOn ? negotiationDeadline(row.trackedOn, windowDays) : null,
    overdue: isNegotiationOverdue(row.status, row.trackedOn, today, windowDays),
    circulation: circulation
      ? {
          fromPlatformKey: circulation.fromPlatformKey,
          toPlatformKey: circulation.toPlatformKey,
          firstPlaceShare: Number(circulation.firstPlaceShare),
          hostShare: Number(circulation.hostShare),
        }
      : null,
  };
}

/** The circulations of the given projects, by project id (one query for a page of the ledger). */
export async function circulationsOf(
  db: Db,
  rows: Pick<ProjectRow, 'id' | 'platformKey' | 'reportedPlatformKey'>[],
): Promise<Map<number, CirculationRow>> {
  const moved = rows.filter((row) => row.platformKey !== row.reportedPlatformKey).map((row) => row.id);
  if (moved.length === 0) return new Map();
  const found = await db.select().from(projectCirculations).where(inArray(projectCirculations.projectId, moved));
  return new Map(found.map((c) => [c.projectId, c]));
}

/** People by their display names in the history (issue #9); the system's own steps read 系统. */
export async function displayNames(db: Db, usernames: string[]): Promise<Map<string, string>> {
  // One query for all of them (issue #15: one per person was most of the demo seeding's user lookups).
  const nameOf = await displayNamesOf(db, usernames);
  return new Map(usernames.map((username) => [username, nameOf(username) ?? username]));
}
