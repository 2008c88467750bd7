/** Every module's tables, for Drizzle and drizzle-kit. Modules still reach only their own tables. */
export * from './reference/reference.table.ts';
export * from './users/users.table.ts';
export * from './auth/sessions.table.ts';
export * from './auth/login-failures.table.ts';
export * from './audit/audit.table.ts';
export * from './catalog/catalog.table.ts';
export * from './projects/projects.table.ts';
export * from './enterprises/enterprises.table.ts';
export * from './platform/job-progress.table.ts';
export * from './land/land.table.ts';
export * from './renewal/renewal.table.ts';
export * from './assessment/assessment.table.ts';
export * from './key-tasks/key-tasks.table.ts';
export * from './notices/notices.table.ts';
export * from './targets/targets.table.ts';
export * from './calendar/calendar.table.ts';
export * from './trips/trips.table.ts';
