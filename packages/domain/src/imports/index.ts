export * from './exports.schemas.js';
export * from './imports.schemas.js';
export * from './customer-import.schemas.js';
