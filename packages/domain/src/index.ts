export * from './common/common.schemas.js';
export * from './auth/roles.js';
export * from './auth/permissions.js';
export * from './auth/scope.js';
export * from './auth/auth.schemas.js';
export * from './orgs/orgs.schemas.js';
export * from './users/users.schemas.js';
export * from './audit/audit.schemas.js';
