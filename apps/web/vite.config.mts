import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vitest/config';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fromRoot = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const isVitest = Boolean(process.env['VITEST']);
const apiTarget = process.env['MES_API_URL'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [
    vue(),
    // Element Plus components used in templates are imported on demand, with their CSS (not under
    // Vitest: Node cannot load the .css files). `dts: false`: types come from element-plus/global.
    Components({
      dirs: [],
      dts: false,
      resolvers: [ElementPlusResolver({ importStyle: isVitest ? false : 'css' })],
    }),
  ],
  resolve: {
    // Exact matches: `@mes/web-core` must not swallow `@mes/web-core/testing`.
    alias: [
      { find: /^@mes\/shared$/, replacement: fromRoot('libs/shared/src/index.ts') },
      { find: /^@mes\/web-core$/, replacement: fromRoot('libs/web-core/src/index.ts') },
      { find: /^@mes\/web-core\/pages$/, replacement: fromRoot('libs/web-core/src/pages.ts') },
      { find: /^@mes\/web-core\/testing$/, replacement: fromRoot('libs/web-core/src/testing/index.ts') },
      {
        find: /^@mes\/production-knowledge-web$/,
        replacement: fromRoot('modules/production-knowledge/web/index.ts'),
      },
      {
        find: /^@mes\/master-data-web$/,
        replacement: fromRoot('modules/master-data/web/index.ts'),
      },
    ],
  },
  define: {
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __INTLIFY_JIT_COMPILATION__: 'true',
    __INTLIFY_DROP_MESSAGE_COMPILER__: 'false',
  },
  server: {
    port: 5173,
    strictPort: true,
    fs: { allow: [repoRoot] },
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/api': { target: apiTarget } } },
  build: {
    outDir: fromRoot('dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    // Two pages: the web shell, and the shop-floor tablet app (/shopfloor, decision 0017) with its own
    // small entry (Vue + plain CSS, no Element Plus).
    rollupOptions: {
      input: {
        main: fromRoot('apps/web/index.html'),
        shopfloor: fromRoot('apps/web/shopfloor/index.html'),
      },
    },
  },
  test: {
    dir: repoRoot,
    include: [
      'apps/web/src/**/*.spec.ts',
      'apps/web/shopfloor/**/*.spec.ts',
      'libs/web-core/src/**/*.spec.ts',
      'modules/*/web/**/*.spec.ts',
    ],
    environment: 'happy-dom',
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
