// Moved to test/make-project.ts so the cockpit's tests share it (a module may not import another's internals).
export { makeProject, type ProjectPlan } from '../test/make-project.ts';
