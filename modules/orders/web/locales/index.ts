import type { LocaleMessages } from '@mes/web-core';
import { ordersEnUS } from './en-US';
import { ordersZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': ordersZhCN, 'en-US': ordersEnUS };
