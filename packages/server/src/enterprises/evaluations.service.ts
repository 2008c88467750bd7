// Moved to ../mu-evaluation/mu-evaluation.service.ts (issue #11, D21: the yearly 亩均评价 has its own folder). This
// re-export stays only for importers on branches being merged at the same time (assessment, notices, demo-notices,
// bench); the merge points them at the new file and deletes this one.
export * from '../mu-evaluation/mu-evaluation.service.ts';
