import 'reflect-metadata';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Variables every service reads. A service extends this class with its own; every property
 * needs a default that works on a developer machine (see README, Configuration).
 */
export class BaseEnv {
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT: number = 3000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/nps';

  /** Overrides the service's own Postgres schema name (tests use a fresh one per run). */
  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a lower-case SQL identifier' })
  DB_SCHEMA?: string;

  @Matches(/^[^\s,]+:\d+(,[^\s,]+:\d+)*$/, { message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  /** Prepended to every topic name, so several environments can share one cluster. */
  @Matches(/^[a-zA-Z0-9._-]*$/, { message: 'may only hold letters, digits, ".", "_" and "-"' })
  KAFKA_TOPIC_PREFIX = '';

  @IsInt()
  @Min(1000)
  @Max(60000)
  SHUTDOWN_TIMEOUT_MS: number = 9000;

  @IsOptional()
  @IsString()
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}
