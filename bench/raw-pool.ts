import pg from 'pg';
import { KEEP_BACKEND_HEAP } from '../packages/server/src/platform/backend-heap.ts';

/**
 * A pool for a limit's hand-written SQL, its connections set up as the server's are (backend-heap.ts, db.ts): a ratio
 * then compares what the two sides do per request, not how their PostgreSQL backends were started.
 */
export function rawPool(url: string, max: number): pg.Pool {
  return new pg.Pool({ connectionString: url, max, ...KEEP_BACKEND_HEAP });
}
