import { definePageTexts } from '@mes/web-core';

/** The texts of the production-execution pages load with those pages, not with the first paint (ADR 0007). */
export const { loadPageTexts, withPageTexts, usePageTexts } = definePageTexts(
  () => import('./pages').then((m) => m.pageMessages),
  'pe.status.planned',
);
