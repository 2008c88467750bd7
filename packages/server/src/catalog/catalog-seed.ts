import { count } from 'drizzle-orm';
import { CATALOG_2018, CATALOG_2018_VERSION, PLATFORM_KEYS } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import type { Actor } from '../platform/actor.ts';
import { firstRow } from '../platform/rows.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { catalogItems, catalogVersions } from './catalog.table.ts';
import { signalChange } from '../platform/change-signals.ts';

/** 温政办〔2018〕107号 is dated 2018-09-30: the 2018年本 catalogs take effect that day. */
export const CATALOG_2018_EFFECTIVE_DATE = '2018-09-30';

/** First start: the three platforms' 2018年本 catalogs, published (R1.1: "2018年本 first"). */
export async function ensureCatalog2018(db: Db, actor: Actor, now: Date) {
  const [existing] = await db.select({ total: count() }).from(catalogVersions);
  if ((existing?.total ?? 0) > 0) return;
  await db.transaction(async (tx) => {
    for (const platformKey of PLATFORM_KEYS) {
      const version = firstRow(
        await tx
          .insert(catalogVersions)
          .values({
            platformKey,
            version: CATALOG_2018_VERSION,
            status: 'published',
            effectiveDate: CATALOG_2018_EFFECTIVE_DATE,
            publishedAt: now,
            publishedBy: actor.username,
            createdAt: now,
            createdBy: actor.username,
          })
          .returning(),
        'insert catalog 2018 version',
      );
      const items = CATALOG_2018[platformKey].map((item, index) => ({
        ...item,
        versionId: version.id,
        position: index + 1,
      }));
      await tx.insert(catalogItems).values(items);
      await recordAudit(
        tx,
        actor,
        {
          action: 'catalog.seed',
          entityType: 'catalog_version',
          entityId: version.id,
          after: { ...version, items: items.length },
        },
        now,
      );
    }
  });
  signalChange('catalog');
}
