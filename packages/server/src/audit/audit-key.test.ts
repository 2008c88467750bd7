import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db.ts';
import { createTestDatabase } from '../test/test-database.ts';
import { recordAudit } from './audit.service.ts';
import { AuditKeyError, createAuditKeyFile, loadAuditKey, readAuditKeyFile } from './audit-key.ts';
import { readAnchorLines, startAnchorLoop } from './audit-anchor.ts';
import { startAudit } from './audit-startup.ts';
import { verifyChain } from './audit-verify.ts';
import { asOwnerWithoutTriggers, TAMPER_ACTOR } from './audit-tamper.test-support.ts';
import { legacyHash, GENESIS_HASH } from './audit-hash.ts';
import { auditEvents } from './audit.table.ts';
import { desc } from 'drizzle-orm';

let dir: string;
let database: Database;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pgs-audit-key-'));
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const emptyTrail = () => asOwnerWithoutTriggers(database, sql`TRUNCATE audit_events RESTART IDENTITY`);
const write = (i: number) =>
  database.db.transaction((tx) =>
    recordAudit(tx, TAMPER_ACTOR, { action: 'test.write', entityType: 'test', entityId: i }, new Date()),
  );
async function anchorsIn(file: string) {
  const lines = [];
  for await (const line of readAnchorLines(file, readAuditKeyFile(path.join(dir, 'start', 'audit.key'))!))
    lines.push(line.anchor);
  return lines;
}

describe('the audit key file', () => {
  it('is made, owner-only (0600), on the first start of an empty trail, then read back unchanged', async () => {
    await emptyTrail();
    const file = path.join(dir, 'nested', 'audit.key');
    const made = await loadAuditKey(database.db, file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(made.secret.length).toBe(32);
    expect(made.legacyThrough).toBe(0);
    const again = await loadAuditKey(database.db, file);
    expect(again.secret.equals(made.secret)).toBe(true);
    expect(() => createAuditKeyFile(file, 0)).toThrow('已存在，不会覆盖');
  });

  it('missing while the trail has rows: the start is refused in Chinese and English, and no key is made', async () => {
    await startAudit(database.db, {
      keyFile: path.join(dir, 'first.key'),
      anchorFile: path.join(dir, 'first.jsonl'),
      appendOnlyRole: false,
      clock: () => new Date(),
    }).then((loop) => loop.stop());
    await write(1);
    const lost = path.join(dir, 'lost.key');
    const start = loadAuditKey(database.db, lost);
    await expect(start).rejects.toBeInstanceOf(AuditKeyError);
    await expect(start).rejects.toThrow(/审计日志已有 \d+ 条记录，但找不到审计密钥文件.*audit key file .* is missing/);
    expect(readAuditKeyFile(lost)).toBeNull();
  });

  it('readable by others, or not a key: refused with what to do', () => {
    const open = path.join(dir, 'open.key');
    createAuditKeyFile(open, 0);
    chmodSync(open, 0o644);
    expect(() => readAuditKeyFile(open)).toThrow('chmod 600');
    const junk = path.join(dir, 'junk.key');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(() => readAuditKeyFile(junk)).toThrow('内容无效');
  });

  it('rows written before the chain was keyed verify the old way up to legacyThrough, and are sealed by the first keyed row', async () => {
    await emptyTrail();
    // Two rows as the release before migration 0009 wrote them: plain SHA-256, no client.
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2]) {
      const fields = {
        seq,
        at: new Date(Date.UTC(2026, 0, seq)),
        actorId: null,
        actorName: 'system',
        action: 'platforms.seed',
        entityType: 'platforms',
        entityId: null,
        before: null,
        after: { seq },
        clientAddress: null,
        userAgent: null,
      };
      const hash = legacyHash(prevHash, fields);
      await database.db.insert(auditEvents).values({ ...fields, prevHash, hash });
      prevHash = hash;
    }
    const keyFile = path.join(dir, 'upgrade.key');
    const key = createAuditKeyFile(keyFile, 2);
    const anchorFile = path.join(dir, 'upgrade.jsonl');
    await (
      await startAudit(database.db, { keyFile, anchorFile, appendOnlyRole: false, clock: () => new Date() })
    ).stop();
    await write(3);
    expect(await verifyChain(database.db, key, anchorFile)).toMatchObject({ intact: true, checked: 3 });
    // Rewriting a legacy row (and its plain hash) breaks the link the keyed row 3 holds.
    const [first] = await database.db.select().from(auditEvents).orderBy(auditEvents.seq).limit(1);
    const forged = { ...first!, actorName: 'mallory' };
    await asOwnerWithoutTriggers(
      database,
      sql`UPDATE audit_events SET actor_name = 'mallory', hash = ${legacyHash(GENESIS_HASH, forged)} WHERE seq = 1`,
    );
    expect(await verifyChain(database.db, key, anchorFile)).toMatchObject({
      intact: false,
      reason: 'unlinked',
      firstBrokenSeq: 2,
    });
  });
});

describe('anchoring the head', () => {
  it('after writes, at most once per interval, and once more on stop', async () => {
    await emptyTrail();
    const keyFile = path.join(dir, 'start', 'audit.key');
    const anchorFile = path.join(dir, 'start', 'anchors.jsonl');
    const loop = await startAudit(database.db, { keyFile, anchorFile, appendOnlyRole: false, clock: () => new Date() });
    await loop.stop();
    expect(await anchorsIn(anchorFile)).toEqual([]);
    const key = readAuditKeyFile(keyFile)!;
    const fast = startAnchorLoop({ db: database.db, file: anchorFile, key, clock: () => new Date(), intervalMs: 50 });
    await write(1);
    await write(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const [head] = await database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const afterTicks = await anchorsIn(anchorFile);
    // Several ticks passed, but the head moved once after the first: one or two lines, the last at the head.
    expect(afterTicks.length).toBeGreaterThanOrEqual(1);
    expect(afterTicks.length).toBeLessThanOrEqual(2);
    expect(afterTicks.at(-1)).toMatchObject({ seq: head!.seq, hash: head!.hash });
    await write(3);
    await fast.stop();
    const afterStop = await anchorsIn(anchorFile);
    expect(afterStop.at(-1)).toMatchObject({ seq: 3 });
    expect(statSync(anchorFile).mode & 0o777).toBe(0o600);
    expect(
      readFileSync(anchorFile, 'utf8')
        .trim()
        .split('\n')
        .every((line) => JSON.parse(line).mac.length === 64),
    ).toBe(true);
  });
});

describe('audit settings (readConfig)', () => {
  it('keeps the key in the PGlite data dir, in ./data on PostgreSQL, and the anchors beside the key', async () => {
    const { readConfig, ConfigError } = await import('../platform/config.ts');
    expect(readConfig({ PGS_DATA_DIR: '/srv/pgs' })).toMatchObject({
      auditKeyFile: '/srv/pgs/audit.key',
      auditAnchorFile: '/srv/pgs/audit-anchors.jsonl',
      migrationDatabaseUrl: null,
    });
    expect(readConfig({ DATABASE_URL: 'postgres://app@db/pgs' })).toMatchObject({
      auditKeyFile: 'data/audit.key',
      auditAnchorFile: 'data/audit-anchors.jsonl',
    });
    expect(
      readConfig({ PGS_AUDIT_KEY_FILE: '/etc/pgs/audit.key', PGS_AUDIT_ANCHOR_FILE: '/var/log/pgs/anchors.jsonl' }),
    ).toMatchObject({ auditKeyFile: '/etc/pgs/audit.key', auditAnchorFile: '/var/log/pgs/anchors.jsonl' });
    expect(
      readConfig({ DATABASE_URL: 'postgres://app@db/pgs', MIGRATION_DATABASE_URL: 'postgres://owner@db/pgs' })
        .migrationDatabaseUrl,
    ).toBe('postgres://owner@db/pgs');
    expect(() => readConfig({ MIGRATION_DATABASE_URL: 'postgres://owner@db/pgs' })).toThrow(ConfigError);
  });
});
