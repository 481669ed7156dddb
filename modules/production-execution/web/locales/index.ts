import type { LocaleMessages } from '@mes/web-core';
import { peEnUS } from './en-US';
import { peZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': peZhCN, 'en-US': peEnUS };
