export * from './callbacks.rules.js';
export * from './callbacks.schemas.js';
export * from './callbacks.script.js';
