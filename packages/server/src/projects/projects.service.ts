import { eq } from 'drizzle-orm';
import { landInMu, normaliseOrgName, normaliseProjectName, shanghaiDay, type ReportProjectInput } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, forbidden } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { classify } from '../catalog/catalog.service.ts';
import { projectEvents, projectIdentities, projects } from './projects.table.ts';
import { getProject } from './projects-ledger.service.ts';

// The projects module's public face: other modules (targets, trips, land, assessment, cockpit, demo) and the routes
// call the projects through this file; the ledger's reads, the stage moves and the figures for other modules live in
// their own files.
export { findProject } from './project-rows.ts';
export { getProject, ledgerRows, listProjects, listProjectsAnswer } from './projects-ledger.service.ts';
export { moveProject, transitionProject, undoTransition } from './project-moves.service.ts';
export {
  firstReportsForTargets,
  investorCreditCodeKnown,
  projectsForTargets,
  projectStageCounts,
  projectStageFigures,
} from './project-figures.service.ts';

/** D9: the same investor (credit code, else normalised name) and the same normalised project name. */
export function projectIdentityKey(input: {
  investorName: string;
  investorCreditCode?: string | null;
  name: string;
}): string {
  const investor = input.investorCreditCode
    ? `code:${input.investorCreditCode}`
    : `name:${normaliseOrgName(input.investorName)}`;
  return `${investor}|${normaliseProjectName(input.name)}`;
}

/** R2.3 首报登记: saved as first report, or as a duplicate linked to the first — decided by the database. */
export async function reportProject(db: Db, actor: Actor, input: ReportProjectInput, now: Date) {
  requirePermission(actor, 'projects.report');
  if (actor.role === 'platform' && input.platformKey !== actor.platformKey)
    throw forbidden('平台用户只能为本平台登记项目');
  const land = landInMu(input);
  if ('problem' in land) throw new AppError(400, 'BAD_REQUEST', land.problem);
  const classification = await classify(db, actor, input.platformKey, { industryCode: input.industryCode }, now);
  // A name of punctuation alone normalises to nothing; two such reports must not count as the same project.
  if (!normaliseProjectName(input.name) || (!input.investorCreditCode && !normaliseOrgName(input.investorName))) {
    throw new AppError(400, 'BAD_REQUEST', '项目名称和投资方名称必须包含文字或数字');
  }
  const identityKey = projectIdentityKey(input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(projects)
      .values({
        name: input.name,
        platformKey: input.platformKey,
        reportedPlatformKey: input.platformKey,
        investorName: input.investorName,
        investorCreditCode: input.investorCreditCode ?? null,
        identityKey,
        industryCode: classification.industryCode,
        totalInvestment: input.totalInvestment,
        fixedAssetInvestment: input.fixedAssetInvestment,
        landMu: land.mu?.toString() ?? null,
        expectedAnnualTax: input.expectedAnnualTax,
        expectedAnnualOutput: input.expectedAnnualOutput ?? null,
        description: input.description ?? '',
        categoryAtReport: classification.category,
        catalogVersionAtReport: classification.catalogVersion,
        status: 'reported',
        firstReport: false,
        reportedAt: now,
        reportedBy: actor.username,
        updatedAt: now,
      })
      .returning({ id: projects.id });
    const projectId = row!.id;
    // The primary key on identity_key serialises simultaneous reports: the one whose insert lands is first, the
    // others wait for it to commit and then insert nothing.
    const claimed = await tx
      .insert(projectIdentities)
      .values({ identityKey, firstProjectId: projectId })
      .onConflictDoNothing()
      .returning();
    let duplicateOf: number | null = null;
    if (claimed.length === 0) {
      const [first] = await tx.select().from(projectIdentities).where(eq(projectIdentities.identityKey, identityKey));
      duplicateOf = first!.firstProjectId;
    }
    await tx
      .update(projects)
      .set({ firstReport: duplicateOf === null, duplicateOf })
      .where(eq(projects.id, projectId));
    await tx.insert(projectEvents).values({
      projectId,
      version: 1,
      kind: 'reported',
      fromStatus: null,
      toStatus: 'reported',
      reason: duplicateOf === null ? null : `重复报送，首报为项目 #${duplicateOf}`,
      effectiveDate: shanghaiDay(now),
      details: {
        category: classification.category,
        catalogVersion: classification.catalogVersion,
        explanation: classification.explanation,
      },
      at: now,
      actorName: actor.username,
    });
    await recordAudit(
      tx,
      actor,
      { action: 'projects.report', entityType: 'project', entityId: projectId, after: { ...input, duplicateOf } },
      now,
    );
    return projectId;
  });
  return getProject(db, actor, id, now);
}
