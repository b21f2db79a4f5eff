export * from './surveys.schemas.js';
export * from './surveys.rules.js';
export * from './surveys.sampling.js';
export * from './surveys.schedule.js';
export * from './surveys.analysis.schemas.js';
export * from './surveys.analysis.js';
