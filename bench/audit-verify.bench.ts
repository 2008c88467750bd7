// Verify of a 100 000-row audit trail on PostgreSQL (issue #10): the chain walked in pages of 2 000 and every HMAC
// recomputed, three runs. Not part of `npm run bench` yet:
//   node --import tsx bench/audit-verify.bench.ts postgres://postgres@127.0.0.1:5432/test
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../packages/server/src/platform/db.ts';
import { auditEvents } from '../packages/server/src/audit/audit.table.ts';
import { GENESIS_HASH, keyedHash, type ChainedFields } from '../packages/server/src/audit/audit-hash.ts';
import { verifyChain } from '../packages/server/src/audit/audit-verify.ts';

const adminUrl = process.argv[2] ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error('usage: audit-verify.bench.ts <postgres url>');
const name = `pgs_verify_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const database = await openDatabase({ url: url.toString(), dataDir: null });
const key = { secret: randomBytes(32), legacyThrough: 0 };
let prev = GENESIS_HASH;
const N = 100_000;
let batch: Array<ChainedFields & { prevHash: string; hash: string }> = [];
for (let seq = 1; seq <= N; seq++) {
  const f: ChainedFields = {
    seq,
    at: new Date(1_790_000_000_000 + seq * 1000),
    actorId: 3,
    actorName: 'drc',
    action: 'catalog.item_update',
    entityType: 'catalog_item',
    entityId: String(seq),
    before: { code: 'C3011', name: '水泥制造', note: '原有条目', revision: seq },
    after: { code: 'C3011', name: '水泥制造', note: '修改后的条目', revision: seq + 1 },
    clientAddress: '10.1.2.3',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120',
  };
  const hash = keyedHash(key.secret, prev, f);
  batch.push({ ...f, prevHash: prev, hash });
  prev = hash;
  if (batch.length === 2000) {
    await database.db.insert(auditEvents).values(batch);
    batch = [];
  }
}
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const r = await verifyChain(database.db, key, '/nonexistent/anchors.jsonl');
  console.log(
    `verify ${r.checked} rows intact=${r.intact}: ${Math.round(performance.now() - t0)} ms, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
}
await database.close();
await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
await admin.end();
