import { createHttpClient } from './http-client';
import { createLocalTokenStore } from './token-store';

export * from './api-error';
export * from './http-client';
export * from './token-store';

/** The session of this browser: tokens in localStorage, shared by the tabs. */
export const sessionTokens = createLocalTokenStore('mes.session');

/** The client every page uses: base `/api/v1`, bearer token, refresh-on-401. */
export const http = createHttpClient({ tokens: sessionTokens });
