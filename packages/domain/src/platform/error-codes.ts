/**
 * Every `error.code` the server answers with (`{error:{code,message,details}}`, DESIGN.md), in one list the server's
 * AppError is typed against and the web reads (packages/web/src/api/client.ts). A new code is added here first.
 * The message is always the server's Chinese sentence; the code is for programs (the web's stale-write refetch, tests).
 */
export const ERROR_CODES = [
  // the platform: bad requests, sessions, permissions
  'BAD_REQUEST',
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'EMPTY_BODY',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Someone saved the record since the user loaded it (optimistic concurrency): one code for every versioned write. */
  'STALE_VERSION',
  'INTERNAL',
  // auth and users
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WRONG_PASSWORD',
  'WEAK_PASSWORD',
  'USERNAME_TAKEN',
  'SELF_LOCKOUT',
  'PLATFORM_REQUIRED',
  'PLATFORM_NOT_ALLOWED',
  // reference data and catalogs (§一)
  'IMPORT_INVALID',
  'CODES_IN_USE',
  'UNKNOWN_INDUSTRY',
  'NOT_A_DRAFT',
  'ITEM_INVALID',
  'BAD_BASE',
  'VERSION_TAKEN',
  'EMPTY_CATALOG',
  'CATALOG_INVALID',
  'EFFECTIVE_DATE_TOO_EARLY',
  // projects (§二)
  'ILLEGAL_TRANSITION',
  'NOT_EVALUABLE',
  'CIRCULATION_REFUSED',
  'ALREADY_CIRCULATED',
  // enterprises and their yearly evaluation (§三)
  'INVALID_RECORDS',
  'INVALID_METHOD',
  'NO_RECORDS',
  'ALREADY_PUBLISHED',
  'SUPERSEDED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes the web makes itself when no answer of the server's came (network down, a proxy's HTML page). */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'HTTP_ERROR', 'ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
