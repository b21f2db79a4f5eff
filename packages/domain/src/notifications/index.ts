export * from './notifications.schemas.js';
export * from './notifications.rules.js';
