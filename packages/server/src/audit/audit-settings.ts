import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { AuditKey } from './audit-key.ts';

/**
 * The key and anchor file this process seals the trail with. One process serves one trail, so they are set once
 * at start (audit-startup.ts) rather than handed through every call of `recordAudit` in every module.
 */
export type AuditSettings = { key: AuditKey; anchorFile: string };

let current: AuditSettings | null = null;

export function useAuditSettings(settings: AuditSettings): void {
  current = settings;
}

export function auditSettings(): AuditSettings {
  if (!current)
    throw new Error(
      '审计密钥尚未加载：启动时须先调用 startAudit（audit key not loaded: call startAudit before writing)',
    );
  return current;
}

let throwawaySecret: Buffer | null = null;

/**
 * Tests and benchmarks: a fixed, public key (never a real deployment's: real keys are made by audit-key.ts), and a
 * fresh anchor file in the temp dir for each call. Fixed because the test run seeds one template database in its
 * global setup and every test process works on a copy: their chains must verify under the same key.
 */
export function useThrowawayAuditKey(): AuditSettings {
  throwawaySecret ??= createHash('sha256').update('pgs-tests-and-benches-only-audit-key').digest();
  const settings = {
    key: { secret: throwawaySecret, legacyThrough: 0 },
    anchorFile: path.join(os.tmpdir(), `pgs-audit-anchors-${randomBytes(6).toString('hex')}.jsonl`),
  };
  useAuditSettings(settings);
  return settings;
}
