import { createHash, randomBytes } from 'node:crypto';

/** The cookie holds a random token; the database only its SHA-256, so a copy of the table opens no session. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
