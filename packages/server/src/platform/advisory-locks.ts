/**
 * Every PostgreSQL advisory lock the server takes, in one registry, so no two uses share an id by accident. Each is
 * taken with `pg_advisory_xact_lock` inside a transaction and released at its end. The ids are arbitrary constants
 * in one range (7 270 0xx); a lock with a second key (a year) lives in the two-key space of the same id.
 */
export const ADVISORY_LOCKS = {
  /** Serialises audit appends, so each event chains to exactly one predecessor (audit.service.ts). */
  auditChain: 7_270_001,
  /** With the year as second key: imports of one year queue behind each other (exact counts, no lock-order deadlocks). */
  enterpriseYearImport: 7_270_002,
} as const;
