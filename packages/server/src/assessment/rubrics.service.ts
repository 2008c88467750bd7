import { defaultRubric, rubricProblems, type Rubric, type RubricInput, type RubricView } from '@pgs/domain';
import type { Db, Tx } from '../platform/db.ts';
import { requirePermission, type Actor } from '../platform/actor.ts';
import { AppError, staleVersion } from '../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findRubric, insertRubric, updateRubricIfVersion } from './assessment.repository.ts';
import { displayNames } from './people.ts';

/**
 * R4.2: the year's rubric (考核实施办法). A year never saved answers the default rubric as version 1, so the editor
 * always has something to start from and a run of an unconfigured year uses (and freezes) exactly what it shows.
 */
export async function rubricOfYear(db: Db | Tx, year: number): Promise<Omit<RubricView, 'updatedByName'>> {
  const row = await findRubric(db, year);
  if (!row) return { year, rubric: defaultRubric(year), version: 1, updatedAt: null, updatedBy: null, isDefault: true };
  return {
    year,
    rubric: row.rubric as Rubric,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
    isDefault: false,
  };
}

export async function getRubric(db: Db, actor: Actor, year: number): Promise<RubricView> {
  requirePermission(actor, 'assessment.read');
  const view = await rubricOfYear(db, year);
  const names = await displayNames(db, [view.updatedBy]);
  return { ...view, updatedByName: view.updatedBy ? (names.get(view.updatedBy) ?? view.updatedBy) : null };
}

export function invalidRubric(problems: string[]) {
  return new AppError(
    400,
    'INVALID_RUBRIC',
    `考核实施办法有 ${problems.length} 处问题：${problems.join('；')}`,
    problems.map((message) => ({ message })),
  );
}

/**
 * Only the drc saves the rubric. A hand-scored item keeps who scored it and when: new or changed items are stamped
 * with the saving user and the day, unchanged ones keep their stamp. Conditional on the version the user saw.
 */
export async function updateRubric(
  db: Db,
  actor: Actor,
  year: number,
  input: RubricInput,
  now: Date,
): Promise<RubricView> {
  requirePermission(actor, 'assessment.manage');
  const problems = rubricProblems(input.rubric);
  if (problems.length > 0) throw invalidRubric(problems);
  await db.transaction(async (tx) => {
    const before = await rubricOfYear(tx, year);
    const previous = new Map(before.rubric.manualItems.map((item) => [item.id, item]));
    const manualItems = input.rubric.manualItems.map((item) => {
      const old = previous.get(item.id);
      const same =
        old &&
        old.label === item.label &&
        old.points === item.points &&
        old.reason === item.reason &&
        old.platformKey === item.platformKey;
      return same ? { ...item, by: old.by, at: old.at } : { ...item, by: actor.displayName, at: now.toISOString() };
    });
    const rubric: Rubric = { ...input.rubric, manualItems };
    const values = { rubric, updatedAt: now, updatedBy: actor.username };
    const saved =
      input.version === 1 && before.isDefault
        ? await insertRubric(tx, { year, ...values, version: 2 })
        : await updateRubricIfVersion(tx, year, input.version, values);
    if (saved.length === 0) throw staleVersion(`${year} 年度考核实施办法`);
    await recordAudit(
      tx,
      actor,
      {
        action: 'assessment.rubric_update',
        entityType: 'assessment_rubric',
        entityId: year,
        before: { rubric: before.rubric, version: before.version, isDefault: before.isDefault },
        after: { rubric, version: input.version + 1 },
      },
      now,
    );
  });
  return getRubric(db, actor, year);
}
