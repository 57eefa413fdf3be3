export * from './health/health.module';
export * from './health/shutdown.state';
export * from './service.module';
export * from './service.runner';
export * from './service.cli';
export * from './openapi.setup';
export * from './http/field-problems';
export * from './problems';
