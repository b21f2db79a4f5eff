export * from './exports.schemas.js';
export * from './imports.schemas.js';
