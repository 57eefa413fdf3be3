export * from './logger.module';
// Telemetry has its own entry point, @nps/observability/telemetry: it must load before
// anything it instruments, so importing it must not pull in this barrel (pino, Nest).
export * from './log.scrubber';
export * from './spans';
