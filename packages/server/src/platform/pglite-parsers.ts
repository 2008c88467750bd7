import type { PGlite, Transaction } from '@electric-sql/pglite';

type QueryOptions = Parameters<PGlite['query']>[2];
type Parsers = NonNullable<NonNullable<QueryOptions>['parsers']>;

/**
 * Issue #15 (a first start's demo data, every PGlite test): drizzle hands PGlite the same few type parsers with every
 * query (timestamps, dates, intervals and their arrays kept as text: drizzle-orm/pglite/session.js), and PGlite merges
 * them into its table of about 320 parsers for each query (`{ ...table, ...given }`). That copy took 0.15 ms of a
 * small query's 0.5 ms, 1.7 s of the 11 000 queries a first start's demo data makes.
 *
 * The client given to drizzle here puts a query's parsers into the table itself instead (nine entries, no copy) and
 * sends the query without them. What each query reads is the same: its own parsers over the defaults. Queries that
 * bring no parsers of their own (PGlite's internal ones, the COPY of copy-rows.ts, which returns no rows) then see
 * drizzle's too, which is what every other query of the process asks for.
 */
function adopting(table: Parsers, options: QueryOptions): QueryOptions {
  const given = options?.parsers;
  if (given === undefined) return options;
  Object.assign(table, given);
  const { parsers: _given, ...rest } = options!;
  return rest;
}

function transactionAdopting(table: Parsers, tx: Transaction): Transaction {
  return new Proxy(tx, {
    get(target, key, receiver) {
      if (key === 'query')
        return (text: string, params?: unknown[], options?: QueryOptions) =>
          target.query(text, params, adopting(table, options));
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
}

/** The PGlite client drizzle is given: `query` and `transaction` adopt their parsers; everything else is the client's. */
export function adoptingParsers(client: PGlite): PGlite {
  return new Proxy(client, {
    get(target, key) {
      // The table is read at each call: PGlite adds the array types' parsers to it as it starts.
      if (key === 'query')
        return (text: string, params?: unknown[], options?: QueryOptions) =>
          target.query(text, params, adopting(target.parsers, options));
      if (key === 'transaction')
        return <T>(run: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) => run(transactionAdopting(target.parsers, tx)));
      // The client's own methods keep the client as `this`: they check it against private state.
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
