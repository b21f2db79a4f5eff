export * from './portal.schemas.js';
export * from './portal.rules.js';
