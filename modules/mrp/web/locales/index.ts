import type { LocaleMessages } from '@mes/web-core';
import { mrpEnUS } from './en-US';
import { mrpZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n (route titles; the rest loads with the pages). */
export const messages: LocaleMessages = { 'zh-CN': mrpZhCN, 'en-US': mrpEnUS };
