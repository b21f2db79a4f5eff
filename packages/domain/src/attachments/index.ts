export * from './attachments.schemas.js';
export * from './attachments.rules.js';
