import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../platform/db.ts';
import { countEvents } from './audit.repository.ts';

/**
 * The audit chain's key. `legacyThrough`: rows 1…n were written before the chain was keyed (migration 0009) and
 * keep their plain SHA-256 hashes; 0 for a trail that was keyed from its first row. It sits in the key file, the
 * one place outside the database an attacker of the database cannot change.
 */
export type AuditKey = { secret: Buffer; legacyThrough: number };

const FORMAT = 'pgs-audit-key-1';

/** The key cannot be read, made or trusted: the server does not start. */
export class AuditKeyError extends Error {}

/** The `code` of a failed file-system call (ENOENT, EEXIST …), if the error has one. */
function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

function parseKeyFile(file: string, text: string): AuditKey {
  try {
    const parsed = JSON.parse(text) as { format?: unknown; key?: unknown; legacyThrough?: unknown };
    const secret = typeof parsed.key === 'string' ? Buffer.from(parsed.key, 'base64') : Buffer.alloc(0);
    const legacyThrough = parsed.legacyThrough;
    if (
      parsed.format === FORMAT &&
      secret.length >= 32 &&
      typeof legacyThrough === 'number' &&
      Number.isInteger(legacyThrough) &&
      legacyThrough >= 0
    ) {
      return { secret, legacyThrough };
    }
  } catch {
    // fall through to the message below
  }
  throw new AuditKeyError(
    `审计密钥文件 ${file} 内容无效，请从备份恢复。The audit key file ${file} is not valid; restore it from your backup.`,
  );
}

/** The key in `file`, or null when there is none. A file others can read is refused: the key is the trail's seal. */
export function readAuditKeyFile(file: string): AuditKey | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new AuditKeyError(
      `无法读取审计密钥文件 ${file}：${errorMessage(error)}。Cannot read the audit key file ${file}.`,
    );
  }
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
    throw new AuditKeyError(
      `审计密钥文件 ${file} 的权限过宽，只能由运行 PGS 的用户读写：请执行 chmod 600 ${file}。` +
        `The audit key file ${file} must be readable by its owner only (chmod 600).`,
    );
  }
  return parseKeyFile(file, text);
}

/** Writes a new random key, mode 0600; never overwrites a key that exists (flag `wx`). */
export function createAuditKeyFile(file: string, legacyThrough: number): AuditKey {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const secret = randomBytes(32);
  try {
    writeFileSync(file, `${JSON.stringify({ format: FORMAT, key: secret.toString('base64'), legacyThrough })}\n`, {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    if (errorCode(error) === 'EEXIST')
      throw new AuditKeyError(
        `审计密钥文件 ${file} 已存在，不会覆盖。The audit key file ${file} exists and is never overwritten.`,
      );
    throw new AuditKeyError(
      `无法创建审计密钥文件 ${file}：${errorMessage(error)}。Cannot create the audit key file ${file}.`,
    );
  }
  return { secret, legacyThrough };
}

/**
 * The key for this database: read from `file`; made there on the first start, but only while the trail is empty.
 * A trail with rows and no key means the key was lost or the file points elsewhere: a new key would make every
 * row look forged (or let a forger start afresh), so the server refuses to start and says what to do.
 */
export async function loadAuditKey(db: Db, file: string): Promise<AuditKey> {
  const existing = readAuditKeyFile(file);
  if (existing) return existing;
  const rows = await countEvents(db);
  if (rows > 0) {
    throw new AuditKeyError(
      `审计日志已有 ${rows} 条记录，但找不到审计密钥文件 ${file}。请从备份恢复该文件，或用 PGS_AUDIT_KEY_FILE 指向它；` +
        `若这是升级前的数据库（记录尚未使用密钥），请运行 npm run audit:key 创建密钥。` +
        ` The audit trail has ${rows} rows but the audit key file ${file} is missing:` +
        ` restore it from your backup or point PGS_AUDIT_KEY_FILE at it` +
        ` (for a trail written before keyed hashing, run npm run audit:key).`,
    );
  }
  return createAuditKeyFile(file, 0);
}
