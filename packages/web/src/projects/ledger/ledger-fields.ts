import type { ProjectView } from '@pgs/domain';

/**
 * What the ledger's columns read of a project: all the ledger asks the server for (GET /projects `fields`; the ledger
 * benchmark asks the same).
 */
export const LEDGER_FIELDS = [
  'id',
  'name',
  'platformKey',
  'circulation',
  'investorName',
  'industryCode',
  'category',
  'totalInvestment',
  'fixedAssetInvestment',
  'landMu',
  'expectedAnnualTax',
  'firstReport',
  'duplicateOf',
  'reportedAt',
  'negotiationDeadline',
  'overdue',
  'status',
] as const satisfies readonly (keyof ProjectView)[];
export type LedgerRow = Pick<ProjectView, (typeof LEDGER_FIELDS)[number]>;
