// Route meta fields the shell's guards read (apps/web/src/router/guards.ts); module routes set them.
declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** Only for this scope: the platform operator, or users of a tenant. */
    scope?: 'platform' | 'tenant';
    /**
     * Module key (catalog) whose active subscription the route needs; a list: any one of those
     * subscriptions opens the page (modules sharing pages, e.g. the two scheduling modules).
     */
    module?: string | readonly string[];
    /** Permission the route needs (the API's permission names). */
    permission?: string;
    /** i18n key of the page title. */
    title?: string;
  }
}

export {};
