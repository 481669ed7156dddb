import type { LocaleMessages } from '@mes/web-core';
import { masterDataEnUS } from './en-US';
import { masterDataZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': masterDataZhCN, 'en-US': masterDataEnUS };
