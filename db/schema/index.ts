export * from './org';
export * from './auth';
export * from './audit';
export * from './register';
export * from './notifications';
export * from './incidents';
export * from './ops';
