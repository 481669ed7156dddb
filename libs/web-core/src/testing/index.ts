// Test helpers of libs/web-core (`@mes/web-core/testing`), for specs only.
export * from './by-test-id';
export * from './fake-event-source';
export * from './fake-fetch';
export * from './job-view.fixture';
export * from './locale-checks';
export * from './settle';
