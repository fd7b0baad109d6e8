export * from './org';
export * from './auth';
export * from './audit';
export * from './notifications';
export * from './incidents';
