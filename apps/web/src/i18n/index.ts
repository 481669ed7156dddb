import { coreEnUS, coreZhCN, createAppI18n, type LocaleMessages } from '@mes/web-core';
import { appEnUS } from './en-US';
import { appZhCN } from './zh-CN';

/** Each module's web texts: `modules/<key>/web/locales/index.ts` exporting `messages`. */
const moduleLocaleFiles = import.meta.glob<{ messages: LocaleMessages }>(
  '../../../../modules/*/web/locales/index.ts',
  {
    eager: true,
  },
);

export const moduleMessages: LocaleMessages[] = Object.values(moduleLocaleFiles).map((m) => m.messages);

export const bundles: LocaleMessages[] = [
  { 'zh-CN': coreZhCN, 'en-US': coreEnUS },
  { 'zh-CN': appZhCN, 'en-US': appEnUS },
  ...moduleMessages,
];

export function createShellI18n() {
  return createAppI18n(bundles);
}
