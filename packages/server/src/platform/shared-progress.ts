import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from './db.ts';
import type { Logger } from './log.ts';
import { jobProgress } from './job-progress.table.ts';

/** A job's reports reach the table at most this often; the last one (done, failed) always does. */
const WRITE_EVERY_MS = 250;
/** Rows older than this are removed now and then (a job's progress is read only while the page polls it). */
const KEEP_MS = 10 * 60 * 1000;

const scheduled = (job: Pending) => job.timer !== null;

type Pending = { owner: string; progress: unknown; timer: NodeJS.Timeout | null; lastWrite: number; busy: boolean };

/**
 * Issue #15: the progress of imports and runs in PostgreSQL, for every server process of a deployment. Writes go
 * through the pool outside the job's own transaction (an import is one transaction, invisible until it commits),
 * one at a time per job and at most every WRITE_EVERY_MS, the latest report winning; a job's key held by another user
 * is not taken over (the upsert's WHERE), as in the in-memory board.
 */
export class SharedProgress {
  private readonly pending = new Map<string, Pending>();
  private lastPurge = 0;

  constructor(
    private readonly db: Db,
    private readonly log?: Pick<Logger, 'warn'>,
  ) {}

  report(id: string, owner: string, progress: unknown): void {
    let job = this.pending.get(id);
    if (!job) this.pending.set(id, (job = { owner, progress, timer: null, lastWrite: 0, busy: false }));
    job.owner = owner;
    job.progress = progress;
    const phase = (progress as { phase?: string } | null)?.phase;
    const last = phase === 'done' || phase === 'failed';
    const wait = last ? 0 : Math.max(0, job.lastWrite + WRITE_EVERY_MS - Date.now());
    if (job.timer) {
      if (!last) return;
      clearTimeout(job.timer);
    }
    job.timer = setTimeout(() => void this.flush(id), wait);
    job.timer.unref();
  }

  private async flush(id: string): Promise<void> {
    const job = this.pending.get(id);
    if (!job) return;
    job.timer = null;
    if (job.busy) {
      job.timer = setTimeout(() => void this.flush(id), WRITE_EVERY_MS);
      job.timer.unref();
      return;
    }
    job.busy = true;
    const { owner, progress } = job;
    job.lastWrite = Date.now();
    try {
      const now = new Date();
      await this.db
        .insert(jobProgress)
        .values({ id, owner, progress, updatedAt: now })
        .onConflictDoUpdate({
          target: jobProgress.id,
          set: { progress: sql`excluded.progress`, updatedAt: sql`excluded.updated_at` },
          setWhere: eq(jobProgress.owner, sql`excluded.owner`),
        });
      if (now.getTime() - this.lastPurge > KEEP_MS) {
        this.lastPurge = now.getTime();
        await this.db.delete(jobProgress).where(lt(jobProgress.updatedAt, new Date(now.getTime() - KEEP_MS)));
      }
    } catch (error) {
      // Progress is a courtesy to the page: a failed write never fails the job.
      this.log?.warn({ err: error, job: id }, 'job progress not written');
    } finally {
      job.busy = false;
      // A report that came during the write has scheduled its own flush; otherwise the job is written up to date.
      if (!scheduled(job) && job.progress === progress) this.pending.delete(id);
    }
  }

  async read(id: string, notBefore: number): Promise<{ owner: string; progress: unknown } | undefined> {
    const [row] = await this.db
      .select({ owner: jobProgress.owner, progress: jobProgress.progress })
      .from(jobProgress)
      .where(and(eq(jobProgress.id, id), gte(jobProgress.updatedAt, new Date(notBefore))));
    return row;
  }
}
