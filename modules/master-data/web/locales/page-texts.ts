import { definePageTexts } from '@mes/web-core';

/** The texts of 工艺路线, 工作中心, 工作日历, 标签打印 and the import dialog load with those pages, not with the first paint (ADR 0007). */
export const { loadPageTexts, withPageTexts, usePageTexts } = definePageTexts(
  () => import('./pages').then((m) => m.pageMessages),
  'masterData.importExport.dryRun',
);
