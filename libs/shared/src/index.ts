export * from './decimal/decimal';
export * from './id';
export * from './contracts/error.contract';
export * from './contracts/auth.contract';
export * from './contracts/catalog.contract';
export * from './contracts/platform.contract';
export * from './contracts/master-data.contract';
export * from './calendar';
