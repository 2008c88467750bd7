import { Column, is, SQL, type Query } from 'drizzle-orm';
import type { Db } from './db.ts';

/**
 * What a select builder over a flat selection offers: its statement, its fields (each a column or an SQL expression
 * with its decoder, `mapWith`) and, for the types, its row.
 */
type FlatSelect<TRow> = { toSQL(): Query; _: { selectedFields: object; result: TRow[] } };

type Decoder = { mapFromDriverValue(value: unknown): unknown };

/**
 * A select prepared once per database handle (issue #15: hot lists), whose rows are decoded by a function made for its
 * columns. Drizzle's own row mapping checks every column's kind and walks its path again for every row (≈ 9 % of a
 * ledger request); this applies the same decoders in the same order, so the rows are the same values, and null stays
 * null as Drizzle leaves it. On PostgreSQL `name` is a named statement, parsed and planned once per connection.
 * `values` fill the builder's `sql.placeholder`s.
 */
export function preparedRows<TRow>(
  db: Db,
  builder: FlatSelect<TRow>,
  name: string,
): (values: Record<string, unknown>) => Promise<TRow[]> {
  const fields = Object.entries(builder._.selectedFields) as Array<[string, Column | SQL | SQL.Aliased]>;
  const toRow = rowBuilder(
    fields.map(([key]) => key),
    fields.map(([, field]) => decoderOf(field)),
  );
  const prepared = db._.session.prepareQuery<{ execute: TRow[]; all: unknown; values: unknown }>(
    builder.toSQL(),
    undefined,
    name,
    true,
    (rows) => rows.map((raw) => toRow(raw) as TRow),
  );
  return (values) => prepared.execute(values);
}

/**
 * `(raw) => ({ key0: decode0(raw[0]), key1: … })`, written out as one object literal for these keys. A literal gives
 * every row one fixed shape from the start; setting the keys one by one in a loop (`row[key] = …`) made each row
 * object property by property, ≈ 250 ms of the evaluation's 100 000 rows of 24 columns (issue #15). The keys are the
 * select's field names, written by this code base, never input, and go in as JSON string literals.
 */
function rowBuilder(keys: readonly string[], decoders: readonly Decoder[]): (raw: unknown[]) => object {
  // In a literal, "__proto__": x sets the prototype instead of a field.
  if (keys.includes('__proto__')) throw new Error('a selected field may not be named __proto__');
  const entries = keys.map(
    (key, i) => `${JSON.stringify(key)}: raw[${i}] === null ? null : decoders[${i}].mapFromDriverValue(raw[${i}])`,
  );
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- generated from code-written keys, see above
  const build = new Function('raw', 'decoders', `return { ${entries.join(', ')} };`) as (
    raw: unknown[],
    decoders: readonly Decoder[],
  ) => object;
  return (raw) => build(raw, decoders);
}

/** The decoder Drizzle's own mapping would use (an SQL expression's `decoder` is internal to Drizzle's types). */
function decoderOf(field: Column | SQL | SQL.Aliased): Decoder {
  if (is(field, Column)) return field;
  const expression = is(field, SQL) ? field : field.sql;
  return (expression as unknown as { decoder: Decoder }).decoder;
}
