import { afterEach, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { date, integer, interval, numeric, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { adoptingParsers } from './pglite-parsers.ts';

const moments = pgTable('moments', {
  id: integer('id').primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  local: timestamp('local').notNull(),
  day: date('day').notNull(),
  span: interval('span').notNull(),
  amount: numeric('amount', { precision: 12, scale: 2 }).notNull(),
  days: date('days').array().notNull(),
  times: timestamp('times', { withTimezone: true }).array().notNull(),
  amounts: numeric('amounts').array().notNull(),
});

const CREATE = sql`CREATE TABLE moments (id integer PRIMARY KEY, at timestamptz NOT NULL, local timestamp NOT NULL,
  day date NOT NULL, span interval NOT NULL, amount numeric(12,2) NOT NULL, days date[] NOT NULL,
  times timestamptz[] NOT NULL, amounts numeric[] NOT NULL)`;

const ROW = {
  id: 1,
  at: new Date('2026-03-01T02:03:04.567Z'),
  local: new Date('2026-03-01T10:00:00.000Z'),
  day: '2026-02-28',
  span: '3 days 04:05:06',
  amount: '12345.60',
  days: ['2026-01-01', '2026-12-31'],
  times: [new Date('2026-01-01T00:00:00.000Z'), new Date('2026-06-30T23:59:59.000Z')],
  amounts: ['1.50', '20'],
};

type QueryOptions = Parameters<PGlite['query']>[2];

const clients: PGlite[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
});

/** What one database answers through drizzle: the row by the query builder, raw SQL, and both inside a transaction. */
async function answers(client: PGlite, wrap: (client: PGlite) => PGlite) {
  clients.push(client);
  await client.waitReady;
  const db = drizzle(wrap(client));
  await db.execute(CREATE);
  await db.insert(moments).values(ROW);
  const built = await db.select().from(moments);
  const raw = await db.execute(
    sql`SELECT at, local, day, span, days, times, amounts, now() > at AS later FROM moments`,
  );
  const inTransaction = await db.transaction(async (tx) => ({
    built: await tx.select().from(moments),
    raw: await tx.execute(sql`SELECT at, day, times FROM moments`),
  }));
  return { built, raw: raw.rows, inTransaction: { built: inTransaction.built, raw: inTransaction.raw.rows } };
}

describe('the PGlite client drizzle is given (issue #15)', () => {
  it('answers every type drizzle keeps as text exactly as drizzle on a plain client does', async () => {
    const plain = await answers(new PGlite(), (client) => client);
    const adopting = await answers(new PGlite(), adoptingParsers);
    expect(adopting).toEqual(plain);
    // The values themselves, so the comparison cannot pass on two equally wrong answers.
    expect(adopting.built).toEqual([ROW]);
    expect(adopting.raw[0]).toMatchObject({ day: '2026-02-28', span: '3 days 04:05:06', later: true });
  });

  it('sends no query to PGlite with parsers of its own, in or out of a transaction', async () => {
    const client = new PGlite();
    clients.push(client);
    await client.waitReady;
    const sent: Array<{ inTransaction: boolean; parsers: boolean }> = [];
    const query = client.query.bind(client);
    const transaction = client.transaction.bind(client);
    Object.assign(client, {
      query: (text: string, params?: unknown[], options?: QueryOptions) => {
        sent.push({ inTransaction: false, parsers: options?.parsers !== undefined });
        return query(text, params, options);
      },
      transaction: <T>(run: (tx: Parameters<Parameters<PGlite['transaction']>[0]>[0]) => Promise<T>) =>
        transaction((tx) =>
          run({
            ...tx,
            query: (text: string, params?: unknown[], options?: QueryOptions) => {
              sent.push({ inTransaction: true, parsers: options?.parsers !== undefined });
              return tx.query(text, params, options);
            },
          } as typeof tx),
        ),
    });
    const db = drizzle(adoptingParsers(client));
    await db.execute(CREATE);
    await db.insert(moments).values(ROW);
    await db.transaction(async (tx) => tx.select().from(moments));
    expect(sent.filter((call) => !call.inTransaction).length).toBeGreaterThanOrEqual(2);
    expect(sent.filter((call) => call.inTransaction).length).toBe(1);
    expect(sent.filter((call) => call.parsers)).toEqual([]);
  });
});
