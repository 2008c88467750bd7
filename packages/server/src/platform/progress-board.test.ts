import { describe, expect, it } from 'vitest';
import { ProgressBoard } from './progress-board.ts';

/** Long jobs' progress (DESIGN.md), polled by the page that started the job: whose it is and how long it is kept. */
describe('ProgressBoard', () => {
  const reading = (done: number) => ({ phase: 'reading' as const, done, total: 10 });

  it('keeps the latest report of a key for the user who made it, and for no one else', () => {
    const board = new ProgressBoard();
    const report = board.reporter('evaluation', 'k1', 'eitc')!;
    report(reading(1));
    report(reading(7));
    expect(board.read('evaluation', 'k1', 'eitc')).toEqual(reading(7));
    expect(board.read('evaluation', 'k1', 'someone')).toBeUndefined();
    expect(board.read('evaluation', 'k2', 'eitc')).toBeUndefined();
  });

  it('does not let another user take over a key that is held', () => {
    const board = new ProgressBoard();
    board.reporter('evaluation', 'k1', 'eitc')!(reading(3));
    board.reporter('evaluation', 'k1', 'other')!(reading(9));
    expect(board.read('evaluation', 'k1', 'eitc')).toEqual(reading(3));
    expect(board.read('evaluation', 'k1', 'other')).toBeUndefined();
  });

  it('keeps the kinds of job apart: an import’s key does not read as a run’s', () => {
    const board = new ProgressBoard();
    const checking = { phase: 'checking' as const, done: 4, total: 10, rows: 4 };
    board.reporter('import', 'k1', 'eitc')!(checking);
    expect(board.read('evaluation', 'k1', 'eitc')).toBeUndefined();
    expect(board.read('import', 'k1', 'eitc')).toEqual(checking);
  });

  it('has no reporter without a key (a run started by an API client that does not poll)', () => {
    expect(new ProgressBoard().reporter('evaluation', undefined, 'eitc')).toBeUndefined();
  });

  it('forgets a job 10 minutes after its last report, and keeps one still reporting', () => {
    let now = 0;
    const board = new ProgressBoard(() => now);
    const quiet = board.reporter('evaluation', 'quiet', 'eitc')!;
    const busy = board.reporter('evaluation', 'busy', 'eitc')!;
    quiet(reading(1));
    busy(reading(1));
    now = 9 * 60_000;
    busy(reading(2));
    now = 10 * 60_000 + 1;
    expect(board.read('evaluation', 'quiet', 'eitc')).toBeUndefined();
    expect(board.read('evaluation', 'busy', 'eitc')).toEqual(reading(2));
  });

  it('keeps at most 1 000 jobs, forgetting the oldest first', () => {
    const board = new ProgressBoard();
    for (let i = 0; i <= 1000; i++) board.reporter('evaluation', `k${i}`, 'eitc')!(reading(i));
    expect(board.read('evaluation', 'k0', 'eitc')).toBeUndefined();
    expect(board.read('evaluation', 'k1', 'eitc')).toEqual(reading(1));
    expect(board.read('evaluation', 'k1000', 'eitc')).toEqual(reading(1000));
  });
});
