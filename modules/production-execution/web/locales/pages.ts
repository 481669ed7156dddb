import type { LocaleMessages } from '@mes/web-core';
import { pePagesEnUS } from './pages.en-US';
import { pePagesZhCN } from './pages.zh-CN';

/** Texts of the production-execution pages, loaded with them (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': pePagesZhCN, 'en-US': pePagesEnUS };
