import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Db } from '../platform/db.ts';
import type { AuditKey } from './audit-key.ts';
import { chainHead } from './audit.repository.ts';

/**
 * An anchor: the head of the chain (its newest row's seq and hash) at a moment, written to a file outside the
 * database that the operator keeps. Deleting the newest rows cannot be hidden by the chain itself (what is left
 * still links up); an anchor that names a row the trail no longer has gives it away. Each line carries an HMAC
 * with the audit key, so lines cannot be forged or changed either.
 */
export type Anchor = { seq: number; hash: string; at: string };
export type AnchorLine = { line: number; anchor: Anchor | null };

function anchorMac(secret: Buffer, anchor: Anchor): string {
  return createHmac('sha256', secret)
    .update(`pgs-audit-anchor\n${anchor.seq}\n${anchor.hash}\n${anchor.at}`)
    .digest('hex');
}

function parseLine(secret: Buffer, text: string): Anchor | null {
  try {
    const value = JSON.parse(text) as { seq?: unknown; hash?: unknown; at?: unknown; mac?: unknown };
    if (
      typeof value.seq !== 'number' ||
      !Number.isSafeInteger(value.seq) ||
      typeof value.hash !== 'string' ||
      typeof value.at !== 'string' ||
      typeof value.mac !== 'string'
    )
      return null;
    const anchor: Anchor = { seq: value.seq, hash: value.hash, at: value.at };
    const expected = Buffer.from(anchorMac(secret, anchor), 'hex');
    const given = Buffer.from(value.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? anchor : null;
  } catch {
    return null;
  }
}

/**
 * Every line of the anchor file, in order; `anchor` is null for a line whose HMAC does not hold (forged or changed).
 */
export async function* readAnchorLines(file: string, key: AuditKey): AsyncGenerator<AnchorLine> {
  if (!existsSync(file)) return;
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    yield { line, anchor: parseLine(key.secret, text) };
  }
}

/** The chain's current head, or null while the trail is empty. */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | null> {
  return (await chainHead(db)) ?? null;
}

/** Appends one anchor line (`{seq, hash, at, mac}`); the file and its folder are made, owner-only, when missing. */
export function appendAnchor(file: string, key: AuditKey, head: { seq: number; hash: string }, now: Date): Anchor {
  const anchor: Anchor = { seq: head.seq, hash: head.hash, at: now.toISOString() };
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  appendFileSync(file, `${JSON.stringify({ ...anchor, mac: anchorMac(key.secret, anchor) })}\n`, { mode: 0o600 });
  return anchor;
}

/** Anchors the committed head now (`npm run audit:anchor`, shutdown); null when the trail is empty. */
export async function anchorAuditHead(db: Db, file: string, key: AuditKey, now: Date): Promise<Anchor | null> {
  const head = await auditHead(db);
  return head ? appendAnchor(file, key, head, now) : null;
}

const writeListeners = new Set<() => void>();

/** Called by recordAudit: something was (or is about to be) appended, so the anchoring loop looks at the head again. */
export function noteAuditWrite(): void {
  for (const listener of writeListeners) listener();
}

export type AnchorLoop = { stop(): Promise<void> };

/**
 * Anchors the head after writes, at most once per `intervalMs` (default a minute), and once more on stop. A tick
 * that finds a new head anchors it and looks once more at the next tick, because the write that woke it may have
 * committed only after the head was read.
 */
export function startAnchorLoop(options: {
  db: Db;
  file: string;
  key: AuditKey;
  clock: () => Date;
  intervalMs?: number;
  onError?: (error: Error) => void;
}): AnchorLoop {
  let dirty = true;
  let lastSeq: number | null = null;
  let running: Promise<void> = Promise.resolve();
  const anchorIfMoved = async () => {
    const head = await auditHead(options.db);
    if (!head || head.seq === lastSeq) {
      dirty = false;
      return;
    }
    appendAnchor(options.file, options.key, head, options.clock());
    lastSeq = head.seq;
  };
  const tick = () => {
    if (!dirty) return;
    running = running.then(anchorIfMoved).catch((error: unknown) => options.onError?.(error as Error));
  };
  const markDirty = () => {
    dirty = true;
  };
  writeListeners.add(markDirty);
  const timer = setInterval(tick, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      writeListeners.delete(markDirty);
      dirty = true;
      tick();
      await running;
    },
  };
}
