import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { connectionOf, type Tx } from './db.ts';

/**
 * Bulk loading with PostgreSQL `COPY … FROM … (FORMAT csv)` inside a transaction, on both drivers: PostgreSQL
 * streams the CSV over the connection as it is written (so the server parses rows while Node makes the next ones);
 * PGlite has no STDIN and reads a Blob per COPY, so its text is gathered into blobs of about 4 MB. COPY is the
 * fastest way in (the limit bench (b) measures the import against); a failed COPY fails its transaction.
 */

export type CsvCopy = {
  /** Lines of CSV, each ending in '\n'. Waits when PostgreSQL is behind (back-pressure). */
  write(csv: string): Promise<void>;
  /** Ends the COPY and waits until every row is in. */
  end(): Promise<void>;
};

/** `table (columns)` as the COPY statement names them; both come from code, never from input. */
export type CopyTarget = { table: string; columns: readonly string[] };

/**
 * The COPY target of a Drizzle table: the SQL names of the columns `keys` (the table's property names, so a renamed
 * column follows), in that order, which is the order of each CSV line's fields. `into` names another table of the
 * same columns (a temporary staging table).
 */
export function copyTarget<T extends PgTable>(
  table: T,
  keys: ReadonlyArray<keyof T['_']['columns'] & string>,
  into?: string,
): CopyTarget {
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  return { table: into ?? getTableName(table), columns: keys.map((key) => columnName(columns, key)) };
}

function columnName(columns: Record<string, { name: string }>, key: string): string {
  const column = columns[key];
  if (!column) throw new Error(`no column ${key}`);
  return column.name;
}

const PGLITE_BLOB_CHARS = 4 * 1024 * 1024;

type PgliteTransaction = { query(sql: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown> };

export function copyCsv(tx: Tx, target: CopyTarget): CsvCopy {
  const into = `${target.table} (${target.columns.join(', ')})`;
  const connection = connectionOf(tx);
  if (connection instanceof pg.Client) {
    const stream = connection.query(copyFromStdin(`COPY ${into} FROM STDIN (FORMAT csv)`));
    // A COPY that PostgreSQL refuses errors the stream at any time; keep the error for the next call, never unhandled.
    let failure: Error | null = null;
    stream.on('error', (error: Error) => {
      failure ??= error;
    });
    // A function, not an inline check: the error arrives in callbacks, between awaits, which flow analysis does not
    // see (it would take `failure` for null after the first check).
    const rethrow = () => {
      if (failure) throw failure;
    };
    return {
      async write(csv) {
        rethrow();
        // `once` also rejects on 'error' and removes both of its listeners either way (a race with a second
        // `once(stream, 'error')` left one error listener behind per wait: MaxListenersExceededWarning at 100 000 rows).
        if (!stream.write(csv)) await once(stream, 'drain').catch(() => undefined);
        rethrow();
      },
      async end() {
        rethrow();
        stream.end();
        // pg-copy-streams finishes once PostgreSQL has acknowledged the end of the COPY.
        await finished(stream).catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        });
        rethrow();
      },
    };
  }
  const pglite = connection as PgliteTransaction;
  const sql = `COPY ${into} FROM '/dev/blob' (FORMAT csv)`;
  let parts: string[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const blob = new Blob(parts);
    parts = [];
    size = 0;
    await pglite.query(sql, [], { blob });
  };
  return {
    async write(csv) {
      parts.push(csv);
      size += csv.length;
      if (size >= PGLITE_BLOB_CHARS) await flush();
    },
    end: flush,
  };
}

/** A CSV field: '' is NULL in COPY's CSV format, so text is always quoted (an empty name stays an empty string). */
export function csvText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;
}
