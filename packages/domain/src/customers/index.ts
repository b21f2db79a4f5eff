export * from './customers.schemas.js';
export * from './customers.search-keys.js';
