import { and, or, type SQL } from 'drizzle-orm';

/**
 * The row a statement must give: an INSERT … RETURNING without ON CONFLICT, a count, a row read inside the
 * transaction that just wrote it. None means a bug (or a changed schema), not bad input, so it is a plain Error
 * that names the statement, and the error handler answers 500 and logs it — never `undefined` passed on.
 */
export function firstRow<T>(rows: readonly T[], what: string): T {
  const row = rows[0];
  if (row === undefined) throw new Error(`${what}: the statement gave no row`);
  return row;
}

/** The last row of a page that is known not to be empty (keyset paging reads its key). */
export function lastRow<T>(rows: readonly T[], what: string): T {
  const row = rows.at(-1);
  if (row === undefined) throw new Error(`${what}: the page has no row`);
  return row;
}

/** A value a step before this one has already made sure of (the row it just read, the entry it just set). */
export function known<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what}: expected a value, found none`);
  return value;
}

/** A list of conditions with at least one: the WHERE of a filter that always has its own first condition. */
export type Conditions = [SQL, ...SQL[]];

/** `and()` of a non-empty list: drizzle types it `SQL | undefined` because an empty list gives no condition. */
export function allOf(conditions: Conditions): SQL {
  return and(...conditions) ?? conditions[0];
}

/** `or()` of a non-empty list, typed as the SQL it then always is. */
export function anyOf(conditions: Conditions): SQL {
  return or(...conditions) ?? conditions[0];
}
