import { isFocusRegion, type TargetView } from '@pgs/domain';
import type { TargetRowWithChannel } from './targets.repository.ts';

/** '60000.0000' → '60000': the exact decimal as the user wrote it (D1), without the column's trailing zeros. */
export function canonicalDecimal(value: string): string {
  if (!value.includes('.')) return value;
  return value.replace(/0+$/, '').replace(/\.$/, '');
}

export function toTargetView(row: TargetRowWithChannel, industryNames: ReadonlyMap<string, string>): TargetView {
  return {
    id: row.id,
    lineageId: row.lineageId,
    platformKey: row.platformKey,
    quarter: row.quarter,
    name: row.name,
    creditCode: row.creditCode,
    types: row.types,
    hqProvince: row.hqProvince,
    hqCity: row.hqCity,
    focusRegion: isFocusRegion(row.hqCity),
    industryCode: row.industryCode,
    industryName: industryNames.get(row.industryCode) ?? null,
    category: row.category,
    catalogVersion: row.catalogVersion,
    expectedInvestment: canonicalDecimal(row.expectedInvestment),
    tier: row.tier,
    plan: row.plan,
    owner: row.owner,
    status: row.status,
    statusReason: row.statusReason,
    reason: row.reason,
    channelId: row.channelId,
    channelName: row.channelName,
    projectId: row.projectId,
    identifiedOn: row.identifiedOn,
    contactedOn: row.contactedOn,
    carriedFromId: row.carriedFromId,
    quarterClosed: row.quarterClosed,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
