export * from './base.env';
export * from './config.error';
export * from './config.module';
export * from './env.loader';
export * from './development-default';
export * from './env-boolean';
export * from './pem.file';
