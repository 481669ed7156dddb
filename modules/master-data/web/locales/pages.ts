import type { LocaleMessages } from '@mes/web-core';
import { masterDataPagesEnUS } from './pages.en-US';
import { masterDataPagesZhCN } from './pages.zh-CN';

/** Texts of the on-demand pages (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': masterDataPagesZhCN, 'en-US': masterDataPagesEnUS };
