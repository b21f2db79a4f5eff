export * from './catalogue.schemas.js';
