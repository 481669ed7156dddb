import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { CatalogModule } from '@mes/shared';
import { catalogFixture } from '../../testing/catalog-fixture';
import { appPlugins } from '../../testing/mount-helpers';
import type { CardState } from '../../stores/store-model';
import ModuleCard from './ModuleCard.vue';

const knowledge = catalogFixture.find((m) => m.key === 'production-knowledge') as CatalogModule;
const outsourcing = catalogFixture.find((m) => m.key === 'outsourcing') as CatalogModule;

function mountCard(
  module: CatalogModule,
  state: CardState,
  canManage = true,
  locale: 'zh-CN' | 'en-US' = 'zh-CN',
) {
  const { pinia, i18n } = appPlugins(locale);
  return mount(ModuleCard, {
    props: {
      module,
      state,
      dependencies: module.dependsOn.map((key) => ({
        key,
        name: key === 'purchasing' ? '采购管理' : key,
        active: false,
      })),
      subscription:
        state === 'subscribed'
          ? {
              moduleKey: module.key,
              status: 'active',
              startedAt: '2026-01-05T02:00:00Z',
              endsAt: null,
              priceWan: module.priceWan,
            }
          : undefined,
      canManage,
      busy: false,
    },
    global: { plugins: [pinia, i18n] },
  });
}

describe('ModuleCard', () => {
  it('shows name, price, kind, state and a subscribe button for an available module', async () => {
    const wrapper = mountCard(knowledge, 'available');
    expect(wrapper.text()).toContain('生产知识管理');
    expect(wrapper.get('[data-testid="module-price-production-knowledge"]').text()).toBe('6.00 万元');
    expect(wrapper.get('[data-testid="module-state-production-knowledge"]').text()).toBe('可订阅');
    expect(wrapper.text()).toContain('软件');
    expect(wrapper.text()).toContain('无依赖');
    const button = wrapper.get('[data-testid="subscribe-production-knowledge"]');
    await button.trigger('click');
    expect(wrapper.emitted('subscribe')).toHaveLength(1);
    expect(wrapper.find('[data-testid="unsubscribe-production-knowledge"]').exists()).toBe(false);
  });

  it('names the dependencies in Chinese', () => {
    const wrapper = mountCard(outsourcing, 'available');
    expect(wrapper.text()).toContain('采购管理');
  });

  it('offers unsubscribing a subscribed module', async () => {
    const wrapper = mountCard(knowledge, 'subscribed');
    expect(wrapper.get('[data-testid="module-state-production-knowledge"]').text()).toBe('已订阅');
    await wrapper.get('[data-testid="unsubscribe-production-knowledge"]').trigger('click');
    expect(wrapper.emitted('unsubscribe')).toHaveLength(1);
    expect(wrapper.text()).toContain('开通于');
  });

  it('has no action for a module not yet available, and disables actions without the permission', () => {
    const unavailable = mountCard({ ...knowledge, available: false }, 'unavailable');
    expect(unavailable.text()).toContain('未上线');
    expect(unavailable.find('[data-testid="subscribe-production-knowledge"]').exists()).toBe(false);

    const readOnly = mountCard(knowledge, 'available', false);
    expect(
      readOnly.get('[data-testid="subscribe-production-knowledge"]').attributes('disabled'),
    ).toBeDefined();
  });

  it('speaks English in en-US', () => {
    const wrapper = mountCard(knowledge, 'available', true, 'en-US');
    expect(wrapper.text()).toContain('Production knowledge');
    expect(wrapper.get('[data-testid="module-price-production-knowledge"]').text()).toBe('6.00 × 10k CNY');
    expect(wrapper.get('[data-testid="module-state-production-knowledge"]').text()).toBe('Available');
  });
});
