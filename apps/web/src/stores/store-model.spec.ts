import { describe, expect, it } from 'vitest';
import { appEnUS } from '../i18n/en-US';
import { appZhCN } from '../i18n/zh-CN';
import { catalogFixture } from '../testing/catalog-fixture';
import {
  activeDependents,
  cardState,
  groupByCategory,
  kindText,
  matchesSearch,
  missingDependencies,
  priceText,
  sumWan,
  toCents,
} from './store-model';

/** A tiny translator over the real app texts. */
function translator(messages: Record<string, unknown>) {
  return (key: string, named: Record<string, unknown> = {}) => {
    const value = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
    if (typeof value !== 'string') throw new Error(`missing text ${key}`);
    return value.replace(/\{(\w+)\}/g, (_m, name: string) => String(named[name]));
  };
}
const zh = translator(appZhCN);
const en = translator(appEnUS);
const mod = (key: string) => {
  const m = catalogFixture.find((x) => x.key === key);
  if (!m) throw new Error(key);
  return m;
};

describe('store card model', () => {
  it('computes the card state', () => {
    const active = new Set(['master-data', 'warehousing']);
    expect(cardState(mod('master-data'), active)).toBe('alwaysOn');
    expect(cardState(mod('warehousing'), active)).toBe('subscribed');
    expect(cardState(mod('production-knowledge'), active)).toBe('available');
    expect(cardState(mod('advanced-planning'), active)).toBe('unavailable');
  });

  it('formats prices: 万元, quoted, free', () => {
    expect(priceText(mod('production-knowledge'), zh)).toBe('6.00 万元');
    expect(priceText(mod('advanced-planning'), zh)).toBe('按需报价');
    expect(priceText(mod('master-data'), zh)).toBe('免费');
    expect(priceText({ priceWan: '12.50', pricing: 'list' }, zh)).toBe('12.50 万元');
    expect(priceText(mod('production-knowledge'), en)).toBe('6.00 × 10k CNY');
    expect(priceText(mod('lean-consulting'), en)).toBe('Quoted per project');
  });

  it('names the kind', () => {
    expect(kindText('software', zh)).toBe('软件');
    expect(kindText('software+license', zh)).toBe('软件 + 授权');
    expect(kindText('consulting', en)).toBe('Consulting');
    expect(kindText('something-new', zh)).toBe('其他');
  });

  it('adds 万元 prices exactly', () => {
    expect(toCents('6.00')).toBe(600n);
    expect(toCents('0.1')).toBe(10n);
    expect(sumWan(['0.10', '0.20'])).toBe('0.30');
    expect(sumWan(['6.00', '4.00', null, '3.05'])).toBe('13.05');
    expect(sumWan([])).toBe('0.00');
    expect(() => toCents('6,00')).toThrow();
  });

  it('lists missing dependencies transitively, dependencies first', () => {
    expect(missingDependencies('outsourcing', catalogFixture, new Set())).toEqual([
      'warehousing',
      'purchasing',
    ]);
    expect(missingDependencies('outsourcing', catalogFixture, new Set(['warehousing']))).toEqual([
      'purchasing',
    ]);
    expect(missingDependencies('outsourcing', catalogFixture, new Set(['purchasing']))).toEqual([]);
    expect(missingDependencies('production-knowledge', catalogFixture, new Set())).toEqual([]);
  });

  it('finds the active modules that block a cancellation', () => {
    const active = new Set(['warehousing', 'orders', 'purchasing']);
    expect(activeDependents('warehousing', catalogFixture, active)).toEqual(['orders', 'purchasing']);
    expect(activeDependents('orders', catalogFixture, active)).toEqual([]);
  });

  it('groups by category in catalog order', () => {
    const groups = groupByCategory(catalogFixture);
    expect(groups.map((g) => g.category)).toEqual(['上下游协同', '咨询', '综合管理', '企业运营']);
    expect(groups.find((g) => g.category === '企业运营')?.modules.map((m) => m.no)).toEqual([
      18, 19, 20, 23, 26,
    ]);
  });

  it('searches names, keys and descriptions', () => {
    expect(matchesSearch(mod('production-knowledge'), '知识')).toBe(true);
    expect(matchesSearch(mod('production-knowledge'), 'KNOWLEDGE')).toBe(true);
    expect(matchesSearch(mod('production-knowledge'), '仓储')).toBe(false);
    expect(matchesSearch(mod('production-knowledge'), '  ')).toBe(true);
  });
});
