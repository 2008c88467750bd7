import { eq } from 'drizzle-orm';
import {
  DEFAULT_EVALUATION_METHOD,
  DEFAULT_MEASURE_SETTINGS,
  DEFAULT_RECTIFICATION_SETTINGS,
  methodProblems,
} from '@pgs/domain';
import type { EvaluationMethodInput, EvaluationMethodView } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError } from '../platform/errors.ts';
import { saveVersioned } from '../platform/versioned-settings.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { evaluationMethods } from './mu-evaluation.table.ts';

/**
 * R3.2 "every default configurable and versioned per year": one row per evaluation year holding the method, the
 * measure amounts (R3.3) and the rectification settings (R3.4). A year never saved answers the sourced defaults of
 * the domain as version 1, so the editor always has something to start from, and a run of an unconfigured year
 * uses (and snapshots) exactly what the editor shows.
 */
export async function methodOfYear(db: Db | Tx, year: number): Promise<EvaluationMethodView> {
  const [row] = await db.select().from(evaluationMethods).where(eq(evaluationMethods.year, year));
  if (!row) {
    return {
      year,
      method: DEFAULT_EVALUATION_METHOD,
      measures: DEFAULT_MEASURE_SETTINGS,
      rectification: DEFAULT_RECTIFICATION_SETTINGS,
      version: 1,
      updatedAt: null,
      updatedBy: null,
      isDefault: true,
    };
  }
  return {
    year,
    method: row.method,
    measures: row.measures,
    rectification: row.rectification,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    isDefault: false,
  };
}

/** Everyone who reads results reads the method: it is what explains every score (D17). */
export async function getEvaluationMethod(db: Db, actor: Actor, year: number): Promise<EvaluationMethodView> {
  requirePermission(actor, 'evaluations.read');
  return methodOfYear(db, year);
}

/**
 * The eitc saves the year's configuration (D17). The route's schema already refuses a method contrary to R3.2; the
 * check is repeated here so that no caller of the service can store one. Conditional on the version the user saw:
 * the first save inserts (the primary key lets one of two first saves in), later ones update `WHERE version = $v`,
 * so of two saves of one version exactly one wins and the other gets 409.
 */
export async function updateEvaluationMethod(
  db: Db,
  actor: Actor,
  year: number,
  input: EvaluationMethodInput,
  now: Date,
): Promise<EvaluationMethodView> {
  requirePermission(actor, 'evaluations.manage');
  const problems = methodProblems(input.method);
  if (problems.length > 0) {
    throw new AppError(
      400,
      'INVALID_METHOD',
      `评价办法有 ${problems.length} 处问题：${problems.join('；')}`,
      problems.map((message) => ({ message })),
    );
  }
  await db.transaction(async (tx) => {
    const before = await methodOfYear(tx, year);
    await saveVersioned(tx, evaluationMethods, {
      key: eq(evaluationMethods.year, year),
      row: {
        year,
        method: input.method,
        measures: input.measures,
        rectification: input.rectification,
        updatedAt: now,
        updatedBy: actor.username,
      },
      seenVersion: input.version,
      what: `${year} 年度评价办法`,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: 'evaluations.method_update',
        entityType: 'evaluation_method',
        entityId: year,
        before: {
          method: before.method,
          measures: before.measures,
          rectification: before.rectification,
          version: before.version,
          isDefault: before.isDefault,
        },
        after: {
          method: input.method,
          measures: input.measures,
          rectification: input.rectification,
          version: input.version + 1,
        },
      },
      now,
    );
  });
  return methodOfYear(db, year);
}
