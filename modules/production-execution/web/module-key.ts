/** The module's key (kept apart from data.ts so the eagerly loaded routes pull in nothing else). */
export const MODULE_KEY = 'production-execution';
