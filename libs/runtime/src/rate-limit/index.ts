export * from './rate-limit.module';
export * from './rate-limit.tables';
export * from './rate-limits';
