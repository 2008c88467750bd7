import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PlatformKey } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { targetChannelContracts, targetChannels, targets } from './targets.table.ts';

/** SQL of the market channels (R2.8). */
export type ChannelRow = typeof targetChannels.$inferSelect;

export async function channelRows(db: Db, platformKey: PlatformKey | null) {
  return db
    .select()
    .from(targetChannels)
    .where(platformKey ? eq(targetChannels.platformKey, platformKey) : undefined)
    .orderBy(asc(targetChannels.platformKey), asc(targetChannels.id));
}

export async function findChannelRow(db: Db, id: number) {
  const [row] = await db.select().from(targetChannels).where(eq(targetChannels.id, id));
  return row;
}

export async function contractsOf(db: Db, channelIds: number[]) {
  if (channelIds.length === 0) return [];
  return db
    .select()
    .from(targetChannelContracts)
    .where(inArray(targetChannelContracts.channelId, channelIds))
    .orderBy(asc(targetChannelContracts.startOn));
}

/** The enterprises each channel brought (distinct lineages over every quarter), with credit codes and links. */
export async function channelLeads(db: Db, channelIds: number[]) {
  if (channelIds.length === 0) return [];
  return db
    .selectDistinctOn([targets.lineageId], {
      lineageId: targets.lineageId,
      channelId: targets.channelId,
      platformKey: targets.platformKey,
      creditCode: targets.creditCode,
      projectId: targets.projectId,
      status: targets.status,
    })
    .from(targets)
    .where(and(inArray(targets.channelId, channelIds)))
    .orderBy(targets.lineageId, sql`${targets.quarter} DESC`);
}
