import type { LocaleMessages } from '@mes/web-core';
import { ordersPagesEnUS } from './pages.en-US';
import { ordersPagesZhCN } from './pages.zh-CN';

/** Texts of the order pages, loaded with them (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': ordersPagesZhCN, 'en-US': ordersPagesEnUS };
