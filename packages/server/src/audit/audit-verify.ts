import type { AuditVerifyReason, AuditVerifyResult } from '@pgs/domain';
import type { Db } from '../platform/db.ts';
import { lastRow } from '../platform/rows.ts';
import { eventsAfterSeq, type AuditEventRow } from './audit.repository.ts';
import type { AuditKey } from './audit-key.ts';
import { GENESIS_HASH, keyedHash, legacyHash, unkeyedHash } from './audit-hash.ts';
import { readAnchorLines, type Anchor } from './audit-anchor.ts';
import { shanghaiDateTime } from '@pgs/domain';

/** Rows per page of the walk: 100 000 rows are 50 queries, and memory holds one page. */
const PAGE = 2000;

type Row = AuditEventRow;

function rowName(row: Pick<Row, 'seq' | 'id'>): string {
  return `序号 ${row.seq}（编号 ${row.id}）的记录`;
}

function broken(
  reason: AuditVerifyReason,
  checked: number,
  at: { seq: number; id: number | null },
  message: string,
  anchors: Anchor[],
): AuditVerifyResult {
  return {
    intact: false,
    reason,
    checked,
    firstBrokenSeq: at.seq,
    firstBrokenId: at.id,
    message,
    anchors: anchors.length,
    lastAnchorAt: anchors.at(-1)?.at ?? null,
  };
}

/** Why one row's hash does not hold: content changed under its old hash, or a hash made without the key. */
function hashProblem(row: Row, prevHash: string, key: AuditKey): { reason: AuditVerifyReason; message: string } | null {
  const legacy = row.seq <= key.legacyThrough;
  const expected = legacy ? legacyHash(prevHash, row) : keyedHash(key.secret, prevHash, row);
  if (row.hash === expected) return null;
  if (!legacy && (row.hash === unkeyedHash(prevHash, row) || row.hash === legacyHash(prevHash, row))) {
    return { reason: 'forged', message: `${rowName(row)}是伪造的：其哈希不是用审计密钥算出的（被插入或重新计算）` };
  }
  return { reason: 'edited', message: `${rowName(row)}被修改：内容与其哈希不符` };
}

/**
 * Walks the chain in seq order, page by page, and checks each row: its seq follows the previous one (else rows
 * are missing), it links to the previous row's hash, and its HMAC holds (else it was edited, or forged by someone
 * without the key). Every anchor must name a row that still has the anchored hash; an anchor past the last row
 * means the newest rows were cut off. The first problem is named with its row and reason.
 */
export async function verifyChain(db: Db, key: AuditKey, anchorFile: string): Promise<AuditVerifyResult> {
  const anchors: Anchor[] = [];
  const anchorsBySeq = new Map<number, Anchor[]>();
  let badAnchorLine: number | null = null;
  for await (const { line, anchor } of readAnchorLines(anchorFile, key)) {
    if (!anchor) {
      badAnchorLine ??= line;
      continue;
    }
    anchors.push(anchor);
    anchorsBySeq.set(anchor.seq, [...(anchorsBySeq.get(anchor.seq) ?? []), anchor]);
  }

  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const page = await eventsAfterSeq(db, lastSeq, PAGE);
    if (page.length === 0) break;
    for (const row of page) {
      if (row.seq > expectedSeq) {
        const range = row.seq - 1 === expectedSeq ? `序号 ${expectedSeq}` : `序号 ${expectedSeq}–${row.seq - 1}`;
        return broken(
          'missing',
          checked,
          { seq: expectedSeq, id: null },
          `${range} 的记录缺失（被删除）：${rowName(row)}之前断开`,
          anchors,
        );
      }
      if (row.seq < expectedSeq) {
        return broken('forged', checked, row, `${rowName(row)}是伪造的：序号不在链上`, anchors);
      }
      if (row.prevHash !== prevHash) {
        return broken(
          'unlinked',
          checked,
          row,
          `${rowName(row)}与前一条记录接不上：前序哈希不符（记录被插入、替换或删除）`,
          anchors,
        );
      }
      const problem = hashProblem(row, prevHash, key);
      if (problem) return broken(problem.reason, checked, row, problem.message, anchors);
      const anchored = anchorsBySeq.get(row.seq)?.find((anchor) => anchor.hash !== row.hash);
      if (anchored) {
        return broken(
          'anchor_mismatch',
          checked,
          row,
          `${rowName(row)}与 ${shanghaiDateTime(anchored.at)} 锚定的哈希不符：锚定之后该处的记录被删除或替换`,
          anchors,
        );
      }
      prevHash = row.hash;
      expectedSeq = row.seq + 1;
      checked += 1;
    }
    lastSeq = lastRow(page, 'audit verify page').seq;
  }

  const furthest = anchors.reduce<Anchor | null>((max, anchor) => (!max || anchor.seq > max.seq ? anchor : max), null);
  if (furthest && furthest.seq > lastSeq) {
    const range = furthest.seq === lastSeq + 1 ? `序号 ${furthest.seq}` : `序号 ${lastSeq + 1}–${furthest.seq}`;
    return broken(
      'anchor_beyond_end',
      checked,
      { seq: lastSeq + 1, id: null },
      `最新的记录被删除：${shanghaiDateTime(furthest.at)} 的锚点记到序号 ${furthest.seq}，但审计日志只到序号 ${lastSeq}（${range} 缺失）`,
      anchors,
    );
  }
  if (badAnchorLine !== null) {
    return broken(
      'anchor_forged',
      checked,
      { seq: lastSeq + 1, id: null },
      `锚点文件第 ${badAnchorLine} 行的校验码不符：该行被伪造或改动`,
      anchors,
    );
  }
  return {
    intact: true,
    reason: null,
    checked,
    firstBrokenSeq: null,
    firstBrokenId: null,
    message: `哈希链完整：已校验 ${checked} 条审计记录`,
    anchors: anchors.length,
    lastAnchorAt: anchors.at(-1)?.at ?? null,
  };
}
