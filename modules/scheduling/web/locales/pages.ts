import type { LocaleMessages } from '@mes/web-core';
import { schedulingPagesEnUS } from './pages.en-US';
import { schedulingPagesZhCN } from './pages.zh-CN';

/** Texts of the scheduling pages, loaded with them (see `page-texts.ts`). */
export const pageMessages: LocaleMessages = { 'zh-CN': schedulingPagesZhCN, 'en-US': schedulingPagesEnUS };
