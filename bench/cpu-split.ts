import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux everywhere Node runs). */
const TICKS_PER_SECOND = 100;

export type CpuReading = { at: number; mainThread: number; process: number; machine: number };

/** user + system ticks from a /proc …/stat line (fields 14 and 15; the name in parentheses may hold spaces). */
function taskTicks(statFile: string) {
  const stat = readFileSync(statFile, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * CPU time used so far, in ticks: by this process's main thread, by the whole process (its worker threads too: the
 * load generator, V8's garbage collector helpers, libuv), and by the whole machine (PostgreSQL's backends, the
 * kernel's network work…). Null where /proc is not there.
 */
export function readCpu(): CpuReading | null {
  if (!existsSync('/proc/thread-self/stat')) return null;
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0); // idle and iowait
  return {
    at: performance.now(),
    mainThread: taskTicks('/proc/thread-self/stat'),
    // The process's own line counts its ended threads too (the load generator's worker ends with its run).
    process: taskTicks('/proc/self/stat'),
    machine: cpu.reduce((sum, n) => sum + n, 0) - idle,
  };
}

export type CpuSplit = {
  /** Milliseconds of CPU per item on the main thread (the server, or the raw SQL's `pg` client). */
  mainThread: number;
  /** … on the process's other threads (the load generator's worker, garbage collection, libuv). */
  otherThreads: number;
  /** … outside the process: PostgreSQL, the kernel's loopback network, whatever else ran. */
  outside: number;
  /** How many of the machine's cores were busy on average. */
  machineCores: number;
};

/** Where the CPU went between two readings, per item done in between. */
export function cpuSplit(before: CpuReading | null, after: CpuReading | null, items: number): CpuSplit | null {
  if (!before || !after || items <= 0) return null;
  const perItem = (ticks: number) => (ticks * 1000) / TICKS_PER_SECOND / items;
  const seconds = (after.at - before.at) / 1000;
  return {
    mainThread: perItem(after.mainThread - before.mainThread),
    otherThreads: perItem(after.process - before.process - (after.mainThread - before.mainThread)),
    outside: perItem(after.machine - before.machine - (after.process - before.process)),
    machineCores: (after.machine - before.machine) / TICKS_PER_SECOND / seconds,
  };
}
