// Public face of libs/web-core: http client, auth store, i18n helper, layout, feedback helpers.
// What only pages use is in `@mes/web-core/pages` (./pages.ts), out of the entry's JS.
import { defineAsyncComponent } from 'vue';

export * from './http';
export * from './auth/auth.store';
export * from './i18n/i18n';
export * from './i18n/locales';
export * from './i18n/page-texts';
export * from './layout/menu';
export * from './layout/use-media-query';
export * from './ui/feedback';
export type * from './router/route-meta';

// Components load on first use, so that importing the http client or the auth store (which the
// entry chunk does) does not pull the layout and its Element Plus components into the entry.
export const AppLayout = defineAsyncComponent(() => import('./layout/AppLayout.vue'));
export const AppHeader = defineAsyncComponent(() => import('./layout/AppHeader.vue'));
export const SideMenu = defineAsyncComponent(() => import('./layout/SideMenu.vue'));
