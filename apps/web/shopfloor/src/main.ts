// 车间报工: the shop-floor tablet app (/shopfloor). Its own entry: Vue and plain CSS, no Element Plus,
// no shell, so it starts fast on a tablet and works offline (outbox in IndexedDB, service worker).
import { createApp } from 'vue';
import App from './App.vue';
import { locale } from './i18n';
import './shopfloor.css';

document.documentElement.lang = locale.value;
createApp(App).mount('#app');

// The service worker caches the app shell for an offline start (never API answers); production only.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker
      .register('/shopfloor/sw.js', { scope: '/shopfloor/' })
      .catch(() => undefined);
  });
}
