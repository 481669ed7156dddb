import type { LocaleMessages } from '@mes/web-core';
import { warehousingPagesEnUS } from './pages.en-US';
import { warehousingPagesZhCN } from './pages.zh-CN';

/** Texts of the warehousing pages, loaded with them (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': warehousingPagesZhCN, 'en-US': warehousingPagesEnUS };
