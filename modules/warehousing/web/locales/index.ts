import type { LocaleMessages } from '@mes/web-core';
import { warehousingEnUS } from './en-US';
import { warehousingZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': warehousingZhCN, 'en-US': warehousingEnUS };
