// `@mes/web-core/pages`: what the pages of the modules share (list pages, code pickers, status tags,
// Idempotency-Keys, order lines, run progress). Only pages import it, never the shell's entry, so that
// none of it is in the JS of the first paint (ADR 0007): it loads with the first page that needs it.
import { defineAsyncComponent } from 'vue';

export * from './list/use-list-page';
export * from './ui/status-option';
export type { CodeOption } from './ui/code-option';
export * from './http/submit-keys';
export * from './forms/order-lines';
export * from './forms/use-save-flow';
export * from './jobs/run-progress';

// Components load on first use: their Element Plus components (and CSS) come with them.
/** The remote-search code picker (items, customers, suppliers…). */
export const CodeSelect = defineAsyncComponent(() => import('./ui/code-select.vue'));
/** A status as a coloured tag with its label. */
export const StatusTag = defineAsyncComponent(() => import('./ui/status-tag.vue'));
/** The pager under a list page. */
export const ListPager = defineAsyncComponent(() => import('./list/list-pager.vue'));
/** The filter bar of a list page (查询, 重置) with the failed read under it. */
export const FilterBar = defineAsyncComponent(() => import('./list/filter-bar.vue'));
/** The progress card of a run page (the bar of the run's job, its text, the result once it ended). */
export const RunProgressCard = defineAsyncComponent(() => import('./jobs/run-progress-card.vue'));
