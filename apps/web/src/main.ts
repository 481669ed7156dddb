import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { http, notify, useAuthStore } from '@mes/web-core';
import App from './App.vue';
import { createShellI18n } from './i18n';
import { createShellRouter, installGuards } from './router';
import { routeModules } from './router/access';
import { useCatalogStore } from './stores/catalog.store';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
const i18n = createShellI18n();
const router = createShellRouter();
app.use(pinia).use(i18n).use(router);
installGuards(router, i18n.global);

// The refresh token was refused: back to the login page, then back here after signing in.
http.onSessionExpired(() => {
  useCatalogStore(pinia).resetTenant();
  const current = router.currentRoute.value;
  if (current.meta.public) return;
  notify.warning(i18n.global.t('core.sessionExpired'));
  void router.push({ name: 'login', query: { redirect: current.fullPath } });
});

// A module page whose subscription ended meanwhile (another admin, another tab).
http.onError((error) => {
  if (error.code !== 'MODULE_NOT_SUBSCRIBED') return;
  const auth = useAuthStore(pinia);
  void auth
    .loadMe()
    .catch(() => undefined)
    .then(() => {
      const keys = routeModules(router.currentRoute.value.meta);
      const key = keys[0];
      if (key !== undefined && !keys.some((k) => auth.hasModule(k))) {
        notify.warning(i18n.global.t('errors.MODULE_NOT_SUBSCRIBED'));
        void router.replace({ name: 'store', query: { module: key } });
      }
    });
});

app.mount('#app');
