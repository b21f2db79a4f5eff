export * from './workorders.state.js';
export * from './workorders.sla.js';
export * from './workorders.schemas.js';
export * from './workorders.report.js';
export * from './workorders.complaints.js';
export * from './workorders.dispatch.js';
