import type { Db } from '../platform/db.ts';
import { SYSTEM_ACTOR } from '../platform/actor.ts';
import { AppError, unprocessable } from '../platform/errors.ts';
import { getEnterprise } from '../enterprises/enterprise-records.service.ts';
import { investorCreditCodeKnown } from '../projects/projects.service.ts';

/**
 * Issue #12: a holder named by 统一社会信用代码 is an enterprise of the base database or an investor of the project
 * ledger (a project that lands). Asked as the system: the answer is only "known or not", so a platform user learns
 * nothing of another platform's enterprise.
 */
export async function assertKnownHolder(db: Db, creditCode: string | null | undefined, field: string): Promise<void> {
  if (!creditCode) return;
  if (await investorCreditCodeKnown(db, creditCode)) return;
  try {
    await getEnterprise(db, SYSTEM_ACTOR, creditCode);
  } catch (error) {
    if (error instanceof AppError && error.status === 404)
      throw unprocessable(
        'UNKNOWN_HOLDER',
        `${field}的统一社会信用代码 ${creditCode} 既不在企业数据库中，也不是招商项目的投资方，请核对或先登记该企业`,
      );
    throw error;
  }
}
