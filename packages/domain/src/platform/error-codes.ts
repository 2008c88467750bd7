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
  /** The request's body did not arrive in time (slow sender), or the server could not answer within the route's limit. */
  'REQUEST_TIMEOUT',
  'TIMEOUT',
  /** Too many sign-ins from one address or for one name (#10.8). */
  'RATE_LIMITED',
  /** A command-line script was called with the wrong words. */
  'USAGE',
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
  /** #10.11: a temporary password (set by the admin or the operator) must be changed before anything else. */
  'PASSWORD_CHANGE_REQUIRED',
  'PRIVILEGED_ACCOUNT',
  'OWN_PASSWORD',
  'NOT_LOCKED',
  'ALREADY_REVIEWED',
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
  'EFFECTIVE_DATE_OUT_OF_RANGE',
  // projects (§二)
  'ILLEGAL_TRANSITION',
  'NOT_EVALUABLE',
  'CIRCULATION_REFUSED',
  'ALREADY_CIRCULATED',
  'BAD_STAGE_DATE',
  'UNDO_REFUSED',
  // enterprises and their yearly evaluation (§三)
  'INVALID_RECORDS',
  'INVALID_METHOD',
  'NO_RECORDS',
  'ALREADY_PUBLISHED',
  'SUPERSEDED',
  // land (§三, R3.1, R3.6)
  /** A parcel's GeoJSON boundary is not a polygon, or its area differs from the declared one beyond the tolerance. */
  'BOUNDARY_MISMATCH',
  /** The holder's 统一社会信用代码 is neither an enterprise of the base database nor an investor of the ledger. */
  'UNKNOWN_HOLDER',
  'PARCEL_CODE_TAKEN',
  /** D23: one extension per parcel. */
  'EXTENSION_USED',
  'BAD_PARCEL_DATE',
  /** A parcel code another module names (a renewal case's vacated parcel) is not in the ledger the user sees. */
  'UNKNOWN_PARCEL',
  // renewal cases (§三(二), R3.5, R1.6)
  'ILLEGAL_STEP',
  'BAD_STEP_DATE',
  'CASE_CLOSED',
  'CASE_EXISTS',
  'UPGRADE_REFUSED',
  'UNKNOWN_ENTERPRISE',
  // the platforms' assessment (§四)
  'INVALID_RUBRIC',
  'YEAR_ALREADY_PUBLISHED',
  'NOT_A_KEY_PROJECT',
  // key tasks (R4.4) and public notices (R3.2 公示)
  /** The user may not report on this part of a key task (a platform: only its own part; else the lead department). */
  'NOT_RESPONSIBLE',
  /** The result to put on notice is not a published one. */
  'NOT_PUBLISHED',
  /** The notice takes no objections now (before its first day or after its last). */
  'NOTICE_CLOSED',
  // targets, channels and quarters (§二(四)–(五))
  /** The quarter of the target library is closed: read-only. */
  'QUARTER_CLOSED',
  /** A headquarters province/city not in the administrative-division list. */
  'UNKNOWN_DIVISION',
  /** A non-encouraged industry without a written reason, or a status move that is not allowed. */
  'TARGET_REFUSED',
  /** Carry-forward into a quarter that already has targets, or from a quarter without any. */
  'CARRY_FORWARD_REFUSED',
  // trips, rosters and the holiday calendar (§二(五))
  'NOT_ON_ROSTER',
  'UNKNOWN_PROJECT',
  /** A trip names a target that does not exist or is another platform's. */
  'UNKNOWN_TARGET',
  /** A withdrawn trip cannot be changed any more. */
  'TRIP_WITHDRAWN',
  'BAD_ATTACHMENT',
  'INVALID_CALENDAR',
  /** A period in working days reaches a year whose holiday calendar is not entered yet (no guessing). */
  'NO_HOLIDAY_CALENDAR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes the web makes itself when no answer of the server's came (network down, a proxy's HTML page). */
export const CLIENT_ERROR_CODES = ['NETWORK_ERROR', 'HTTP_ERROR', 'ERROR'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
