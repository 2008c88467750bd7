import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../platform/db.ts';
import { projectEvaluations } from './projects.table.ts';

/** The newest evaluation of a project (D7: `tracked` needs it to pass), or undefined before the first. */
export async function latestEvaluation(db: Db | Tx, projectId: number) {
  const [row] = await db
    .select()
    .from(projectEvaluations)
    .where(eq(projectEvaluations.projectId, projectId))
    .orderBy(desc(projectEvaluations.id))
    .limit(1);
  return row;
}
