import { and, asc, between, eq, gte, or, sql } from 'drizzle-orm';
import {
  circulationProblem,
  investmentSummary,
  isOpenStatus,
  platformName,
  shanghaiDay,
  splitCredit,
  type circulationInputSchema,
  type PlatformKey,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, conflict, forbidden, unprocessable } from '../platform/errors.ts';
import { isUniqueViolation } from '../platform/db-errors.ts';
import { classify } from '../catalog/catalog.service.ts';
import { assertVisible, findProject } from './project-rows.ts';
import { changeProject } from './project-moves.service.ts';
import { projectCirculations, projects } from './projects.table.ts';

/**
 * R2.5 流转: the bureau moves an open project to a platform where it is encouraged (D11), once, with the first
 * place's share; the host gets exactly the rest.
 */
export async function circulateProject(
  db: Db,
  actor: Actor,
  projectId: number,
  input: z.infer<typeof circulationInputSchema>,
  now: Date,
) {
  requirePermission(actor, 'projects.circulate');
  const row = await findProject(db, projectId);
  assertVisible(actor, row);
  const shares = splitCredit(input.firstPlaceShare ?? undefined);
  if ('problem' in shares) throw new AppError(400, 'BAD_REQUEST', shares.problem);
  const [already] = await db
    .select({ projectId: projectCirculations.projectId })
    .from(projectCirculations)
    .where(eq(projectCirculations.projectId, projectId));
  const destination = await classify(db, actor, input.toPlatformKey, { industryCode: row.industryCode }, now);
  const problem = circulationProblem({
    fromPlatformKey: row.platformKey,
    toPlatformKey: input.toPlatformKey,
    projectIsOpen: isOpenStatus(row.status),
    isDuplicate: !row.firstReport,
    alreadyCirculated: already !== undefined,
    destinationCategory: destination.category,
  });
  if (problem) throw unprocessable('CIRCULATION_REFUSED', problem);
  const expectedVersion = input.version ?? row.version;
  return db.transaction(async (tx) => {
    // The primary key on project_id makes "once" hold even for two simultaneous decisions.
    await tx
      .insert(projectCirculations)
      .values({
        projectId,
        fromPlatformKey: row.platformKey,
        toPlatformKey: input.toPlatformKey,
        firstPlaceShare: String(shares.firstPlaceShare),
        hostShare: String(shares.hostShare),
        reason: input.reason,
        at: now,
        actorName: actor.username,
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw conflict('该项目刚刚已被流转，请刷新后查看', 'ALREADY_CIRCULATED');
        throw error;
      });
    const projectVersion = await changeProject(
      tx,
      actor,
      row,
      expectedVersion,
      {
        set: { platformKey: input.toPlatformKey },
        event: {
          kind: 'circulation',
          fromStatus: row.status,
          toStatus: row.status,
          reason: input.reason,
          effectiveDate: shanghaiDay(now),
          details: {
            fromPlatformKey: row.platformKey,
            toPlatformKey: input.toPlatformKey,
            ...shares,
            explanation: `由${platformName(row.platformKey)}流转至${platformName(input.toPlatformKey)}`,
          },
        },
        audit: {
          action: 'projects.circulate',
          before: { platformKey: row.platformKey },
          after: { toPlatformKey: input.toPlatformKey, ...shares, reason: input.reason },
        },
      },
      now,
    );
    return { fromPlatformKey: row.platformKey, toPlatformKey: input.toPlatformKey, ...shares, projectVersion };
  });
}

/**
 * R2.6 `GET /platforms/:key/investment-summary?year=`: the platform's landed projects of the year and its credit.
 * `through` (the cockpit's as-of day) stops the count at that day; default the year's last day.
 */
export async function platformInvestmentSummary(
  db: Db,
  actor: Actor,
  platformKey: PlatformKey,
  year: number,
  through = `${year}-12-31`,
) {
  requirePermission(actor, 'projects.read');
  if (actor.role === 'platform' && actor.platformKey !== platformKey)
    throw forbidden('平台用户只能查看本平台的招商完成情况');
  const rows = await db
    .select({ project: projects, circulation: projectCirculations })
    .from(projects)
    .leftJoin(projectCirculations, eq(projectCirculations.projectId, projects.id))
    // Issue #15: only the year's landed projects are read (the domain's rule still decides what counts, and how).
    .where(
      and(
        or(eq(projects.platformKey, platformKey), eq(projectCirculations.fromPlatformKey, platformKey)),
        eq(projects.status, 'landed'),
        between(projects.landedOn, `${year}-01-01`, through),
      ),
    )
    .orderBy(asc(projects.id));
  return investmentSummary(
    platformKey,
    year,
    rows.map(({ project, circulation }) => ({
      id: project.id,
      name: project.name,
      status: project.status,
      reportedPlatformKey: project.reportedPlatformKey,
      platformKey: project.platformKey,
      landedOn: project.landedOn,
      categoryAtReport: project.categoryAtReport,
      circulation: circulation
        ? {
            fromPlatformKey: circulation.fromPlatformKey,
            toPlatformKey: circulation.toPlatformKey,
            firstPlaceShare: Number(circulation.firstPlaceShare),
            hostShare: Number(circulation.hostShare),
          }
        : null,
    })),
  );
}

/**
 * For the cockpit (issue #14): the projects landed from 1 Jan of `year` through `through`, as one GROUP BY over what
 * the R2.6 credit reads (holder, category at report, circulation and its shares) with `count`, so the credit of each
 * platform is the domain's rule over the groups (`investmentCreditOfGroups`) — the same total as
 * `platformInvestmentSummary`, without shipping thousands of rows. `large`: the landed projects with a total
 * investment of at least `largeFrom` 万元 (the domain's threshold, passed in), listed. No permission check: the cockpit
 * checks its own and scopes a platform user.
 */
export async function landedFiguresOfYear(db: Db, year: number, through: string, largeFrom: string) {
  const landed = and(eq(projects.status, 'landed'), between(projects.landedOn, `${year}-01-01`, through));
  const [groups, large] = await Promise.all([
    db
      .select({
        platformKey: projects.platformKey,
        reportedPlatformKey: projects.reportedPlatformKey,
        categoryAtReport: projects.categoryAtReport,
        fromPlatformKey: projectCirculations.fromPlatformKey,
        toPlatformKey: projectCirculations.toPlatformKey,
        firstPlaceShare: projectCirculations.firstPlaceShare,
        hostShare: projectCirculations.hostShare,
        count: sql<number>`count(*)::int`,
      })
      .from(projects)
      .leftJoin(projectCirculations, eq(projectCirculations.projectId, projects.id))
      .where(landed)
      .groupBy(
        projects.platformKey,
        projects.reportedPlatformKey,
        projects.categoryAtReport,
        projectCirculations.fromPlatformKey,
        projectCirculations.toPlatformKey,
        projectCirculations.firstPlaceShare,
        projectCirculations.hostShare,
      ),
    db
      .select({
        id: projects.id,
        name: projects.name,
        platformKey: projects.platformKey,
        fromPlatformKey: projectCirculations.fromPlatformKey,
        totalInvestment: projects.totalInvestment,
        landedOn: projects.landedOn,
      })
      .from(projects)
      .leftJoin(projectCirculations, eq(projectCirculations.projectId, projects.id))
      .where(and(landed, gte(projects.totalInvestment, largeFrom)))
      .orderBy(asc(projects.id)),
  ]);
  return {
    groups: groups.map(({ fromPlatformKey, toPlatformKey, firstPlaceShare, hostShare, ...group }) => ({
      ...group,
      status: 'landed' as const,
      landedOn: through,
      circulation:
        fromPlatformKey && toPlatformKey && firstPlaceShare !== null && hostShare !== null
          ? { fromPlatformKey, toPlatformKey, firstPlaceShare: Number(firstPlaceShare), hostShare: Number(hostShare) }
          : null,
    })),
    large: large.map((row) => ({ ...row, landedOn: row.landedOn ?? through })),
  };
}
