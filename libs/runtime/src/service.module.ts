import { type DynamicModule, Module } from '@nestjs/common';
import { type BaseEnv, ConfigModule } from '@nps/config';
import { MessagingModule } from '@nps/messaging';
import { LoggerModule } from '@nps/observability';
import { type DatabaseOptions, PersistenceModule, type RetentionDeclaration } from '@nps/persistence';
import type { ApiDescription } from './openapi.setup';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './metrics/metrics.module';
import { ProblemDetailsModule } from './problems/problem-details.module';

export interface ServiceDefinition<E extends BaseEnv> {
  /** Service name: Kafka client id and consumer group, log field, default schema name. */
  name: string;
  env: new () => E;
  /** The service's Postgres schema (DB_SCHEMA overrides it). */
  schema: string;
  entities: DatabaseOptions['entities'];
  migrations: DatabaseOptions['migrations'];
  /** The HTTP API's description, served as OpenAPI at /docs and /docs-json. */
  api?: ApiDescription;
  /** Every retention rule of the service's data, in delete order (docs/adr/0035, docs/privacy.md). */
  retention?: RetentionDeclaration<E>;
}

/** Everything a service needs before its features: config, logs, database, Kafka, health, metrics, HTTP errors. */
@Module({})
export class ServiceModule {
  static forRoot<E extends BaseEnv>(service: ServiceDefinition<E>): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        ConfigModule.forRoot(service.env),
        LoggerModule.forRootAsync(service.name),
        PersistenceModule.forRoot({
          schema: service.schema,
          entities: service.entities,
          migrations: service.migrations,
        }),
        MessagingModule.forRoot({ service: service.name, retention: service.retention }),
        HealthModule,
        MetricsModule,
        ProblemDetailsModule.forRoot(service.name),
      ],
    };
  }
}
