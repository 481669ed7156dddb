import { h, ref, type VNode } from 'vue';
import { useI18n } from 'vue-i18n';
import type { CatalogModule } from '@mes/shared';
import {
  ApiError,
  alertDialog,
  choiceDialog,
  confirmDialog,
  notify,
  useErrorText,
  useLocale,
} from '@mes/web-core';
import { useCatalogStore } from '../../stores/catalog.store';
import { activeDependents, missingDependencies, priceText, sumWan } from '../../stores/store-model';

const paragraphs = (...lines: (string | false | undefined)[]): VNode =>
  h(
    'div',
    { class: 'store-dialog' },
    lines.filter((l): l is string => !!l).map((l) => h('p', { style: 'margin: 0 0 8px' }, l)),
  );

/**
 * Subscribe / unsubscribe with their confirmations: price and dependencies explained, missing
 * dependencies offered along (`withDependencies`), the 409s of the API explained.
 */
export function useSubscriptionActions(active: () => ReadonlySet<string>) {
  const { t } = useI18n();
  const { pick } = useLocale();
  const errorText = useErrorText();
  const catalog = useCatalogStore();
  const busyKey = ref<string | null>(null);

  const tr = (key: string, named?: Record<string, unknown>) => (named ? t(key, named) : t(key));
  const nameOf = (key: string) => {
    const m = catalog.byKey.get(key);
    return m ? pick(m.nameZh, m.nameEn) : key;
  };
  const names = (keys: readonly string[]) => keys.map(nameOf).join('、');
  const price = (m: CatalogModule) => priceText(m, tr);

  /** The confirmation for subscribing `m` plus `missing`; true when confirmed. */
  async function confirmWithDependencies(m: CatalogModule, missing: string[]): Promise<boolean> {
    const all = [...missing.map((k) => catalog.byKey.get(k)).filter((x) => x !== undefined), m];
    const quoted = all.some((x) => x.pricing === 'quote' || x.priceWan === null);
    const total = t('store.price.wan', {
      price: sumWan(all.map((x) => (x.pricing === 'quote' ? null : x.priceWan))),
    });
    const choice = await choiceDialog(
      paragraphs(
        t('store.dialog.dependenciesMissing', {
          name: pick(m.nameZh, m.nameEn),
          deps: missing
            .map((k) => {
              const dep = catalog.byKey.get(k);
              return dep ? `${nameOf(k)}（${price(dep)}）` : k;
            })
            .join('、'),
        }),
        t('store.dialog.subscribeAll', {
          count: all.length,
          total: quoted ? `${total}${t('store.dialog.plusQuote')}` : total,
        }),
      ),
      t('store.dialog.dependenciesMissingTitle'),
      {
        type: 'warning',
        confirmButtonText: t('store.dialog.subscribeAllConfirm'),
        cancelButtonText: t('core.cancel'),
        confirmButtonClass: 'mes-dialog-confirm',
        cancelButtonClass: 'mes-dialog-cancel',
      },
    );
    return choice === 'confirm';
  }

  async function subscribe(m: CatalogModule): Promise<void> {
    const name = pick(m.nameZh, m.nameEn);
    const missing = missingDependencies(m.key, catalog.modules, active());
    const unavailable = missing.filter((k) => !catalog.byKey.get(k)?.available);
    if (unavailable.length) {
      await alertDialog(
        t('store.dialog.dependenciesUnavailable', { name, deps: names(unavailable) }),
        t('store.dialog.subscribeTitle'),
        { type: 'warning', confirmButtonText: t('core.confirm'), confirmButtonClass: 'mes-dialog-confirm' },
      );
      return;
    }
    let withDependencies = missing.length > 0;
    const ok = withDependencies
      ? await confirmWithDependencies(m, missing)
      : await confirmDialog(
          paragraphs(
            t('store.dialog.subscribeBody', { name, price: price(m) }),
            m.dependsOn.length > 0 && t('store.dialog.dependenciesActive', { deps: names(m.dependsOn) }),
          ),
          t('store.dialog.subscribeTitle'),
          {
            type: 'info',
            confirmButtonText: t('store.dialog.subscribeConfirm'),
            cancelButtonText: t('core.cancel'),
            confirmButtonClass: 'mes-dialog-confirm',
            cancelButtonClass: 'mes-dialog-cancel',
          },
        );
    if (!ok) return;

    busyKey.value = m.key;
    try {
      for (;;) {
        try {
          const activated = await catalog.subscribe(m.key, withDependencies);
          const deps = activated.map((s) => s.moduleKey).filter((k) => k !== m.key);
          notify.success(
            deps.length
              ? t('store.subscribedWith', { name, deps: names(deps) })
              : t('store.subscribed', { name }),
          );
          return;
        } catch (e) {
          // Someone cancelled a dependency since the page loaded: offer to take it along.
          if (e instanceof ApiError && e.code === 'MODULE_DEPENDENCY_MISSING' && !withDependencies) {
            const keys = e.detailValues('dependsOn');
            if (await confirmWithDependencies(m, keys.length ? keys : missing)) {
              withDependencies = true;
              continue;
            }
            return;
          }
          throw e;
        }
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MODULE_NOT_AVAILABLE') {
        notify.warning(t('store.dialog.notAvailable', { name }));
      } else if (e instanceof ApiError && e.code === 'ALREADY_SUBSCRIBED') {
        await catalog.loadSubscriptions().catch(() => undefined);
        notify.info(errorText(e));
      } else {
        notify.error(errorText(e));
      }
    } finally {
      busyKey.value = null;
    }
  }

  async function explainRequiredBy(m: CatalogModule, dependents: string[]) {
    const name = pick(m.nameZh, m.nameEn);
    await alertDialog(
      t('store.dialog.requiredBy', { name, deps: names(dependents) }),
      t('store.dialog.requiredByTitle'),
      {
        type: 'warning',
        confirmButtonText: t('core.confirm'),
        confirmButtonClass: 'mes-dialog-confirm',
      },
    );
  }

  async function unsubscribe(m: CatalogModule): Promise<void> {
    const name = pick(m.nameZh, m.nameEn);
    const dependents = activeDependents(m.key, catalog.modules, active());
    if (dependents.length) {
      await explainRequiredBy(m, dependents);
      return;
    }
    const ok = await confirmDialog(
      t('store.dialog.unsubscribeBody', { name }),
      t('store.dialog.unsubscribeTitle'),
      {
        type: 'warning',
        confirmButtonText: t('store.dialog.unsubscribeConfirm'),
        cancelButtonText: t('core.cancel'),
        confirmButtonClass: 'mes-dialog-confirm el-button--danger',
        cancelButtonClass: 'mes-dialog-cancel',
      },
    );
    if (!ok) return;
    busyKey.value = m.key;
    try {
      await catalog.unsubscribe(m.key);
      notify.success(t('store.unsubscribed', { name }));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'MODULE_REQUIRED_BY_OTHERS') {
        const keys = e.detailValues('dependents');
        await explainRequiredBy(m, keys.length ? keys : e.details.map((d) => d.message));
      } else {
        notify.error(errorText(e));
      }
    } finally {
      busyKey.value = null;
    }
  }

  return { busyKey, subscribe, unsubscribe };
}
