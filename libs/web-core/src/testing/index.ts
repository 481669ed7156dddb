// Test helpers of libs/web-core (`@mes/web-core/testing`), for specs only.
export * from './fake-fetch';
export * from './locale-checks';
