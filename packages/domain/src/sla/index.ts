export * from './sla.errors.js';
export * from './sla.schemas.js';
export { computeSlaClock } from './sla.clock.js';
