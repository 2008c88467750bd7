import { randomBytes } from 'node:crypto';
import { appendFileSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database } from '../platform/db.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { recordAudit } from './audit.service.ts';
import { auditEvents } from './audit.table.ts';
import { anchorAuditHead } from './audit-anchor.ts';
import {
  asOwnerWithoutTriggers,
  forgedNextRow,
  rewriteChainWithoutKey,
  smallTrail,
  TAMPER_ACTOR,
} from './audit-tamper.test-support.ts';

// Issue #10 defect 4: whoever owns the database must not be able to rewrite the trail unseen. Each case below is
// one thing an owner (or an INSERT-only role) can do; verify must name the first bad row and say why.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const trail = () => smallTrail(database);

describe('audit trail under tampering (issue #10)', () => {
  it('an intact trail of keyed rows verifies, with its anchors counted', async () => {
    const t = await trail();
    await anchorAuditHead(t.database.db, t.settings.anchorFile, t.settings.key, new Date());
    expect(await t.verify()).toMatchObject({
      intact: true,
      checked: 12,
      reason: null,
      firstBrokenSeq: null,
      anchors: 1,
    });
  });

  it('a row edited with every trigger disabled by the owner is named as edited', async () => {
    const t = await trail();
    await asOwnerWithoutTriggers(t.database, sql`UPDATE audit_events SET actor_name = 'mallory' WHERE seq = 5`);
    const result = await t.verify();
    expect(result).toMatchObject({ intact: false, reason: 'edited', firstBrokenSeq: 5, checked: 4 });
    expect(result.message).toContain('序号 5');
    expect(result.message).toContain('被修改');
  });

  it('the newest rows deleted by the owner are found through the anchor file', async () => {
    const t = await trail();
    await anchorAuditHead(t.database.db, t.settings.anchorFile, t.settings.key, new Date());
    await asOwnerWithoutTriggers(t.database, sql`DELETE FROM audit_events WHERE seq > 9`);
    const result = await t.verify();
    expect(result).toMatchObject({
      intact: false,
      reason: 'anchor_beyond_end',
      firstBrokenSeq: 10,
      firstBrokenId: null,
      checked: 9,
    });
    expect(result.message).toContain('序号 10–12 缺失');
  });

  it('rows cut from the tail and written again by the app differ from what was anchored', async () => {
    const t = await trail();
    await anchorAuditHead(t.database.db, t.settings.anchorFile, t.settings.key, new Date());
    await asOwnerWithoutTriggers(t.database, sql`DELETE FROM audit_events WHERE seq > 9`);
    for (let i = 0; i < 3; i += 1) {
      await t.database.db.transaction((tx) =>
        recordAudit(tx, TAMPER_ACTOR, { action: 'test.write', entityType: 'test', after: { again: i } }, new Date()),
      );
    }
    expect(await t.verify()).toMatchObject({ intact: false, reason: 'anchor_mismatch', firstBrokenSeq: 12 });
  });

  it('a row deleted from the middle is named as missing', async () => {
    const t = await trail();
    await asOwnerWithoutTriggers(t.database, sql`DELETE FROM audit_events WHERE seq = 7`);
    const result = await t.verify();
    expect(result).toMatchObject({ intact: false, reason: 'missing', firstBrokenSeq: 7, checked: 6 });
    expect(result.message).toContain('序号 7 的记录缺失');
  });

  it('a chain recomputed with plain SHA-256 after an edit is named as forged at the edited row', async () => {
    const t = await trail();
    await rewriteChainWithoutKey(t.database, 4, 'mallory');
    const result = await t.verify();
    expect(result).toMatchObject({ intact: false, reason: 'forged', firstBrokenSeq: 4, checked: 3 });
    expect(result.message).toContain('伪造');
  });

  it('a row appended with a plain INSERT (no key) is named as forged', async () => {
    const t = await trail();
    const [last] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    await t.database.db.insert(auditEvents).values(forgedNextRow(last!));
    expect(await t.verify()).toMatchObject({ intact: false, reason: 'forged', firstBrokenSeq: 13 });
  });

  it('a changed or forged anchor line is reported', async () => {
    const t = await trail();
    await anchorAuditHead(t.database.db, t.settings.anchorFile, t.settings.key, new Date());
    const [line] = readFileSync(t.settings.anchorFile, 'utf8').trim().split('\n');
    appendFileSync(t.settings.anchorFile, `${line!.replace('"seq":12', '"seq":40')}\n`);
    expect(await t.verify()).toMatchObject({ intact: false, reason: 'anchor_forged' });
    expect((await t.verify()).message).toContain('第 2 行');
  });
});

const onPostgres = process.env.PGS_TEST_DRIVER === 'postgres';

describe.runIf(onPostgres)('a role that may only INSERT into the trail (PostgreSQL)', () => {
  it('appends a forged row that verify names', async () => {
    const t = await trail();
    const role = `pgs_insert_only_${randomBytes(4).toString('hex')}`;
    const databaseName = (
      (await t.database.db.execute(sql`SELECT current_database() AS name`)) as {
        rows: Array<{ name: string }>;
      }
    ).rows[0]!.name;
    await t.database.db.execute(sql.raw(`CREATE ROLE ${role} LOGIN`));
    try {
      await t.database.db.execute(
        sql.raw(
          `GRANT CONNECT ON DATABASE ${databaseName} TO ${role}; GRANT USAGE ON SCHEMA public TO ${role}; GRANT SELECT, INSERT ON audit_events TO ${role}`,
        ),
      );
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.username = role;
      url.pathname = `/${databaseName}`;
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      try {
        const last = (await client.query('SELECT seq::int AS seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1'))
          .rows[0] as { seq: number; hash: string };
        const row = forgedNextRow(last);
        await client.query(
          `INSERT INTO audit_events (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, client_address, user_agent, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [
            row.seq,
            row.at,
            row.actorId,
            row.actorName,
            row.action,
            row.entityType,
            row.entityId,
            null,
            JSON.stringify(row.after),
            row.clientAddress,
            row.userAgent,
            row.prevHash,
            row.hash,
          ],
        );
        // The same role cannot take it back or hide it.
        await expect(client.query('DELETE FROM audit_events WHERE seq = $1', [row.seq])).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await client.end();
      }
      const result = await t.verify();
      expect(result).toMatchObject({ intact: false, reason: 'forged', firstBrokenSeq: 13 });
      expect(result.message).toContain('序号 13');
    } finally {
      await t.database.db.execute(sql.raw(`DROP OWNED BY ${role}`));
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });
});
