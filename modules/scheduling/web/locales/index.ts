import type { LocaleMessages } from '@mes/web-core';
import { schedulingEnUS } from './en-US';
import { schedulingZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n (route titles; the rest loads with the pages). */
export const messages: LocaleMessages = { 'zh-CN': schedulingZhCN, 'en-US': schedulingEnUS };
