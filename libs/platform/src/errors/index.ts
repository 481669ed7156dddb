export * from './domain-error';
export * from './http-error.filter';
export * from './validation.pipe';
