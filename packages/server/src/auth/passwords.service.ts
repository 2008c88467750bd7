import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2: its const enum cannot be imported under verbatimModuleSyntax. */
const ARGON2ID = 2 as Algorithm.Argon2id;

/** argon2id with the library's defaults (m=19 MiB, t=2), OWASP's minimum recommendation. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so a wrong name costs as long as a wrong password. */
export const DUMMY_HASH_PROMISE = hashPassword('pgs-timing-equaliser-Aa1!');
