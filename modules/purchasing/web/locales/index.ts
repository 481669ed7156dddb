import type { LocaleMessages } from '@mes/web-core';
import { purchasingEnUS } from './en-US';
import { purchasingZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': purchasingZhCN, 'en-US': purchasingEnUS };
