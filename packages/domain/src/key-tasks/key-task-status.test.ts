import { describe, expect, it } from 'vitest';
import { mayReportPart, platformCompletion, taskState, type TaskForStatus } from './key-task-status.ts';

const task = (over: Partial<TaskForStatus> = {}): TaskForStatus => ({
  deadline: '2026-06-30',
  target: '10',
  platformKeys: ['oujiangkou', 'zhenan'],
  reports: [],
  ...over,
});

describe('R4.4 key-task status and overdue flag as of a day', () => {
  it('R4.4 is not overdue on the deadline day itself, overdue the day after, and not before', () => {
    expect(taskState(task(), '2026-06-29')).toMatchObject({ status: 'not_started', overdue: false });
    expect(taskState(task(), '2026-06-30')).toMatchObject({ status: 'not_started', overdue: false });
    expect(taskState(task(), '2026-07-01')).toMatchObject({ status: 'overdue', overdue: true });
  });

  it('R4.4 a task done on its deadline day is done, not overdue, on every later day', () => {
    const t = task({
      reports: [
        { platformKey: 'oujiangkou', value: '10', reportedOn: '2026-06-30' },
        { platformKey: 'zhenan', value: '12.5', reportedOn: '2026-06-30' },
      ],
    });
    expect(taskState(t, '2026-06-29')).toMatchObject({ status: 'not_started', overdue: false });
    expect(taskState(t, '2026-06-30')).toMatchObject({ status: 'done', overdue: false });
    expect(taskState(t, '2026-12-31')).toMatchObject({ status: 'done', overdue: false });
    expect(taskState(t, '2026-12-31').parts[0]).toMatchObject({ done: true, doneOn: '2026-06-30', share: 1 });
  });

  it('R4.4 one part done and the other short: in progress before the deadline, overdue after, part flags apart', () => {
    const t = task({
      reports: [
        { platformKey: 'oujiangkou', value: '9.99', reportedOn: '2026-05-31' },
        { platformKey: 'zhenan', value: '10', reportedOn: '2026-05-31' },
      ],
    });
    const before = taskState(t, '2026-06-30');
    expect(before.status).toBe('in_progress');
    expect(before.parts.map((p) => p.share)).toEqual([0.999, 1]);
    const after = taskState(t, '2026-07-01');
    expect(after.status).toBe('overdue');
    expect(after.parts.map((p) => p.overdue)).toEqual([true, false]);
  });

  it('R4.4 the latest report on or before the day counts (a report made later is not seen earlier)', () => {
    const t = task({
      platformKeys: [],
      reports: [
        { platformKey: null, value: '4', reportedOn: '2026-03-31' },
        { platformKey: null, value: '10', reportedOn: '2026-07-05' },
      ],
    });
    expect(taskState(t, '2026-04-01')).toMatchObject({ status: 'in_progress' });
    expect(taskState(t, '2026-07-04')).toMatchObject({ status: 'overdue' });
    expect(taskState(t, '2026-07-05')).toMatchObject({ status: 'done', overdue: false });
    expect(taskState(t, '2026-07-05').parts[0]!.platformKey).toBeNull();
  });

  it('R4.4 completion share per platform counts the parts done as of the day (exact decimals)', () => {
    const tasks = [
      task({ reports: [{ platformKey: 'oujiangkou', value: '10', reportedOn: '2026-03-01' }] }),
      task({ target: '0.3', reports: [{ platformKey: 'oujiangkou', value: '0.1', reportedOn: '2026-03-01' }] }),
      task({ platformKeys: ['zhenan'] }),
    ];
    const ojk = platformCompletion(tasks, 'oujiangkou', '2026-07-01');
    expect(ojk).toMatchObject({ parts: 2, done: 1, completionShare: 0.5, overdue: 1 });
    expect(ojk.progressShare).toBeCloseTo((1 + 1 / 3) / 2, 12);
    expect(platformCompletion(tasks, 'zhenan', '2026-07-01')).toMatchObject({ parts: 3, done: 0, completionShare: 0 });
    expect(platformCompletion(tasks, 'hitech', '2026-07-01')).toMatchObject({ parts: 0, completionShare: null });
  });

  it('R4.4 a platform user reports only its own part; the lead department any part; others none', () => {
    const t = { leadDepartment: 'bureau' as const, platformKeys: ['oujiangkou' as const] };
    expect(mayReportPart({ role: 'platform', platformKey: 'oujiangkou' }, t, 'oujiangkou')).toBe(true);
    expect(mayReportPart({ role: 'platform', platformKey: 'zhenan' }, t, 'oujiangkou')).toBe(false);
    expect(mayReportPart({ role: 'platform', platformKey: 'zhenan' }, t, 'zhenan')).toBe(false);
    expect(mayReportPart({ role: 'bureau', platformKey: null }, t, 'oujiangkou')).toBe(true);
    expect(mayReportPart({ role: 'bureau', platformKey: null }, t, null)).toBe(false);
    expect(mayReportPart({ role: 'drc', platformKey: null }, t, 'oujiangkou')).toBe(false);
    expect(mayReportPart({ role: 'bureau', platformKey: null }, { ...t, platformKeys: [] }, null)).toBe(true);
  });
});
