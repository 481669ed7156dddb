import { SUPPORTED_LOCALES, messageKeys, type LocaleMessages } from '../i18n/i18n';

/**
 * What is wrong with a table of texts: a key that one language has and another has not, or a blank
 * text. Empty when the table is sound.
 */
export function localeTableProblems(tree: LocaleMessages): string[] {
  const problems: string[] = [];
  const keys = SUPPORTED_LOCALES.map((l) => new Set(messageKeys(tree[l])));
  const all = new Set(keys.flatMap((k) => [...k]));
  SUPPORTED_LOCALES.forEach((locale, i) => {
    for (const key of all) if (!keys[i]?.has(key)) problems.push(`${locale} lacks ${key}`);
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string') {
        if (!node.trim()) problems.push(`${locale} ${path} is blank`);
      } else for (const [k, v] of Object.entries(node as object)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(tree[locale], '');
  });
  return problems;
}

/** The keys of the on-demand page texts that the eager texts define already (there should be none). */
export function keysInBoth(pages: LocaleMessages, eager: LocaleMessages): string[] {
  const known = new Set(messageKeys(eager['zh-CN']));
  return messageKeys(pages['zh-CN']).filter((k) => known.has(k));
}
