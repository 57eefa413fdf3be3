export * from './logger.module';
export * from './telemetry';
