// Public API of the 三包 warranty engine. Date helpers are grouped under `warrantyDates` so their
// generic names (addDays, addMonths …) cannot clash with other modules at the package root.
export * as warrantyDates from './warranty.dates.js';
export { toShanghaiDate } from './warranty.dates.js';
export * from './warranty.schemas.js';
export * from './warranty.result.schemas.js';
export { computeWarranty, resolveWarrantyStart, type WarrantyStart } from './warranty.engine.js';
export { repairDays as warrantyRepairDays } from './warranty.coverage.js';
export * from './warranty.presets.js';
export {
  renderWarrantyReason,
  renderWarrantyCoverage,
  renderWarrantySummary,
  formatWarrantyNumber,
} from './warranty.reasons.js';
