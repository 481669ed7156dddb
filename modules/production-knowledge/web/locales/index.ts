import type { LocaleMessages } from '@mes/web-core';
import { knowledgeEnUS } from './en-US';
import { knowledgeZhCN } from './zh-CN';

/** Texts of the module, merged into the shell's i18n. */
export const messages: LocaleMessages = { 'zh-CN': knowledgeZhCN, 'en-US': knowledgeEnUS };
