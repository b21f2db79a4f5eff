export * from './equipment.schemas.js';
