import type pg from 'pg';

/**
 * How large a block each new connection's PostgreSQL backend allocates and frees once (see `keepBackendHeap`): glibc
 * then keeps up to twice this much free memory at the top of the backend's heap instead of returning it.
 */
export const BACKEND_HEAP_KEPT_BYTES = 1024 * 1024;

/**
 * Each PostgreSQL backend a pool opens keeps the memory its statements free, rather than giving it back to the
 * kernel after every statement and asking for it again at the next (issue #15, the ledger's per-request cost).
 *
 * A ledger page's statement needs 130–170 kB of executor memory (its B-tree scans), freed when it ends. glibc's
 * malloc, which PostgreSQL's allocator sits on, returns free memory at the top of the heap to the kernel as soon as more
 * than 128 kB lies there (M_TRIM_THRESHOLD), so a backend whose heap ends with that memory shrinks the heap with brk()
 * after every statement and grows it again at the next: two system calls, a TLB flush on every CPU the backend ran on
 * (an inter-processor interrupt, dear in a virtual machine) and the page faults of touching fresh memory. Measured on
 * the 2-core VM the bench runs on: 0.96 ms of PostgreSQL CPU per ledger request against 0.64 ms for the same statement
 * on connections that did not trim, about 150 brk() calls a second per backend (strace), 12 % of PostgreSQL's samples
 * in brk (perf).
 *
 * glibc raises that threshold to twice the size of the largest block it has freed with munmap(), for the life of the
 * process. So the first statement of each connection makes PostgreSQL build and free one 1 MB value (allocated with
 * mmap, being over the 128 kB mmap threshold), which moves the backend's trim threshold to 2 MB: at most 2 MB of
 * free heap kept per connection. PostgreSQL has no setting for it (a GUC for glibc's malloc was proposed and not taken:
 * pgsql-hackers, "Add GUC to tune glibc's malloc implementation", 2023); a server whose environment sets
 * MALLOC_TRIM_THRESHOLD_ already behaves so, and on another C library the statement is a harmless millisecond.
 */
async function keepBackendHeap(client: pg.ClientBase): Promise<void> {
  // A failure here must not fail the statement the connection was opened for, which then runs without the kept heap.
  await client.query(`SELECT length(repeat('x', ${BACKEND_HEAP_KEPT_BYTES}))`).catch(() => undefined);
}

/**
 * The pool option that applies `keepBackendHeap` to each new connection. pg-pool (3.14, `newClient`) waits for the
 * promise `onConnect` returns before it hands the connection out, so the statement runs first; @types/pg types the hook
 * as returning nothing.
 */
export const KEEP_BACKEND_HEAP: Pick<pg.PoolConfig, 'onConnect'> = {
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- awaited by pg-pool, see above
  onConnect: keepBackendHeap,
};
