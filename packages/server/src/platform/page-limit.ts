import { sql, type Placeholder } from 'drizzle-orm';

/**
 * The page sizes the screens ask a list for (PagedTable's 20/50/100/200, the stage board's 30, the pickers' 500).
 *
 * A prepared page statement whose LIMIT is a parameter is planned again on every execution by PostgreSQL: its generic
 * plan, costed for a limit it does not know, never wins against the custom one (0 generic plans in 12 executions of
 * the ledger's page, issue #15). Planning cost about a quarter of the page's time in PostgreSQL. With the size written
 * into the statement it is planned once per connection. Only these sizes get a statement of their own, so a client
 * asking for every size from 1 to 500 cannot fill the statement caches of the server and of PostgreSQL.
 */
const PLANNED_ONCE_PAGE_SIZES: ReadonlySet<number> = new Set([20, 30, 50, 100, 200, 500]);

/**
 * The LIMIT of a prepared page statement for this page size, and the key its statement is kept under: the size written
 * in for the screens' sizes, else the placeholder `limit` (one statement for every other size, planned each time).
 */
export function pageLimit(pageSize: number): { key: string; limit: Placeholder } {
  if (!PLANNED_ONCE_PAGE_SIZES.has(pageSize)) return { key: 'any', limit: sql.placeholder('limit') };
  // Drizzle's `.limit()` is typed for a number (which it sends as a parameter) or a placeholder; it writes any SQL
  // object it is given into the statement as it is, which is what a size written in needs.
  return { key: String(pageSize), limit: sql.raw(String(pageSize)) as unknown as Placeholder };
}
