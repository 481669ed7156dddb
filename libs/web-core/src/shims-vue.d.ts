// For plain TypeScript (type-aware ESLint) importing .vue files; vue-tsc reads the SFCs themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
