import {
  checkAccess,
  evaluationProblem,
  reviewDateProblem,
  scoreSheet,
  type ProjectEvaluationRecord,
  sheetProblems,
  shanghaiDay,
  type evaluationInputSchema,
} from '@pgs/domain';
import type { z } from 'zod';
import type { Db } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, badRequest, conflict, unprocessable } from '../platform/errors.ts';
import { assertHolder, assertVisible, findProject } from './project-rows.ts';
import { changeProject } from './project-moves.service.ts';
import { desc, eq } from 'drizzle-orm';
import { projectEvaluations } from './projects.table.ts';
import { currentProjectSettings } from './project-settings.service.ts';

/**
 * R2.1–R2.2 access evaluation: the sheet is scored, the access standard checked on the figures as reported, and
 * the written opinion kept with reviewer and date. Every reason is returned in Chinese.
 */
export async function evaluateProject(
  db: Db,
  actor: Actor,
  projectId: number,
  input: z.infer<typeof evaluationInputSchema>,
  now: Date,
) {
  requirePermission(actor, 'projects.move');
  const row = await findProject(db, projectId);
  assertVisible(actor, row);
  assertHolder(actor, row);
  // #10.12: the version the reviewer saw; of simultaneous evaluations one is stored, the rest get 409 on both drivers.
  if (row.version !== input.version)
    throw conflict(
      `项目已被他人修改（当前版本 ${row.version}，您看到的是 ${input.version}），请刷新后重试`,
      'STALE_VERSION',
    );
  const notNow = evaluationProblem(row.status, !row.firstReport);
  if (notNow) throw unprocessable('NOT_EVALUABLE', notNow);
  // The sheet in force now; the evaluation keeps a copy, so a later change of the sheet leaves it as scored.
  const { evaluationSheet: sheet } = await currentProjectSettings(db);
  const problems = sheetProblems(sheet, input.scores);
  if (problems.length > 0)
    throw new AppError(
      400,
      'BAD_REQUEST',
      `评分表有 ${problems.length} 处问题`,
      problems.map((message) => ({ message })),
    );
  const scored = scoreSheet(sheet, input.scores);
  const verdict = checkAccess({
    category: row.categoryAtReport,
    fixedAssetInvestment: row.fixedAssetInvestment,
    expectedAnnualTax: row.expectedAnnualTax,
    landMu: row.landMu,
    sheet: { total: scored.total, passMark: sheet.passMark },
  });
  // Issue #10.6: the sheet is signed by whoever is signed in (the client's `reviewer` is ignored); named panel members
  // are recorded beside them. Its date is the day of the review: today or earlier, not before the first report.
  const reviewer = input.panel?.length
    ? `${actor.displayName}（评审组：${input.panel.join('、')}）`
    : actor.displayName;
  const today = shanghaiDay(now);
  const reviewedOn = input.reviewedOn ?? today;
  const dateProblem = reviewDateProblem(reviewedOn, today, shanghaiDay(row.reportedAt));
  if (dateProblem) throw badRequest(dateProblem);
  return db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(projectEvaluations)
      .values({
        projectId,
        sheet,
        scores: input.scores,
        total: String(scored.total),
        passes: verdict.passes,
        verdict,
        opinion: input.opinion,
        reviewer,
        reviewedOn,
        at: now,
        actorName: actor.username,
      })
      .returning({ id: projectEvaluations.id });
    const projectVersion = await changeProject(
      tx,
      actor,
      row,
      input.version,
      {
        set: {},
        event: {
          kind: 'evaluation',
          fromStatus: row.status,
          toStatus: row.status,
          reason: verdict.passes ? '准入评估通过' : '准入评估未通过',
          effectiveDate: reviewedOn,
          details: { evaluationId: saved!.id, total: scored.total, reasons: verdict.reasons },
        },
        audit: {
          action: 'projects.evaluate',
          after: {
            evaluationId: saved!.id,
            passes: verdict.passes,
            total: scored.total,
            opinion: input.opinion,
            reviewer,
          },
        },
      },
      now,
    );
    return {
      id: saved!.id,
      passes: verdict.passes,
      category: row.categoryAtReport,
      landless: verdict.landless,
      investmentIntensity: verdict.investmentIntensity,
      taxPerMu: verdict.taxPerMu,
      sheetTotal: scored.total,
      passMark: sheet.passMark,
      reasons: [...verdict.reasons, `评估评分 ${scored.total} / ${scored.maxTotal} 分（合格线 ${sheet.passMark} 分）`],
      opinion: input.opinion,
      reviewer,
      reviewedOn,
      projectVersion,
    };
  });
}

/** Every evaluation of a project, newest first, each with the sheet it was scored on (the project page). */
export async function listProjectEvaluations(
  db: Db,
  actor: Actor,
  projectId: number,
): Promise<ProjectEvaluationRecord[]> {
  requirePermission(actor, 'projects.read');
  assertVisible(actor, await findProject(db, projectId));
  const rows = await db
    .select()
    .from(projectEvaluations)
    .where(eq(projectEvaluations.projectId, projectId))
    .orderBy(desc(projectEvaluations.id));
  return rows.map((row) => ({
    id: row.id,
    sheet: row.sheet,
    scores: row.scores,
    total: Number(row.total),
    passes: row.passes,
    reasons: row.verdict.reasons,
    opinion: row.opinion,
    reviewer: row.reviewer,
    reviewedOn: row.reviewedOn,
    at: row.at.toISOString(),
    actorName: row.actorName,
  }));
}
