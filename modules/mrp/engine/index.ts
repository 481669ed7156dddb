/**
 * MRP engine (module `mrp`): pure TypeScript, no I/O. `planMrp(model)` implements the MRP part of
 * PLANNING-FORMATS.md; see docs/decisions/0011-mrp-engine.md for the exact semantics.
 */
export { planMrp } from './mrp-planner';
export { MrpModelError, type MrpModelErrorDetail } from './mrp-model-error';
export * from './model';
export { planMrpJson, writeMrpJson } from './result-json';
