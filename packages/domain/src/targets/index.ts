export * from './tiers.ts';
export * from './quarters.ts';
export * from './target-status.ts';
export * from './target-types.ts';
export * from './carry-forward.ts';
export * from './funnel.ts';
export * from './targets.contract.ts';
export * from './wenzhou-map-frame.ts';
