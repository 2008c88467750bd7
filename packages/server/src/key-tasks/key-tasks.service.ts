// The key-tasks module's public face: other modules (demo, assessment, cockpit …) call the key tasks through this
// file. The reads, the writes and the views live in their own files (issue #11: small files).
export { createKeyTask, reportKeyTaskProgress } from './key-task-writes.service.ts';
export { keyTaskCompletion, keyTasksForExport, listKeyTasks } from './key-tasks-ledger.service.ts';
