import type { LocaleMessages } from '@mes/web-core';
import { mrpPagesEnUS } from './pages.en-US';
import { mrpPagesZhCN } from './pages.zh-CN';

/** Texts of the MRP pages, loaded with them (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': mrpPagesZhCN, 'en-US': mrpPagesEnUS };
