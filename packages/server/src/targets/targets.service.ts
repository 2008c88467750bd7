// The targets module's public face: other modules (demo, trips, cockpit …) call the targets through this file. The
// ledger's reads, the writes, the project link and the guards live in their own files (issue #11: small files).
export { linkTargetProjectRow } from './target-project-link.service.ts';
export { createTargetRow, updateTargetRow } from './target-writes.service.ts';
export { listTargets } from './targets-ledger.service.ts';
