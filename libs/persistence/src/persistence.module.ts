import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { dataSourceOptions, type DatabaseOptions } from './database.options';
import { ensureSchema } from './schema.creator';
import { SchemaTables } from './schema.tables';

export type SchemaDefinition = Omit<DatabaseOptions, 'url'>;

/**
 * Connects a service to its own schema (DB_SCHEMA overrides the name) and runs its pending
 * migrations at start-up; `npm run migrate` runs the same migrations on their own. Global: every
 * repository (and the outbox) gets the schema from here, as SchemaTables (docs/adr/0013).
 */
@Module({})
export class PersistenceModule {
  static forRoot(definition: SchemaDefinition): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [BaseEnv],
          useFactory: async (env: BaseEnv) => {
            const options = databaseOptionsFrom(env, definition);
            await ensureSchema(options.url, options.schema);
            return { ...dataSourceOptions(options), migrationsRun: true, retryAttempts: 3, retryDelay: 1000 };
          },
        }),
      ],
      providers: [
        {
          provide: SchemaTables,
          inject: [BaseEnv],
          useFactory: (env: BaseEnv) => new SchemaTables(databaseOptionsFrom(env, definition).schema),
        },
      ],
      exports: [TypeOrmModule, SchemaTables],
    };
  }
}

/** The database options of a service under the given environment. */
export function databaseOptionsFrom(env: BaseEnv, definition: SchemaDefinition): DatabaseOptions {
  return { ...definition, url: env.DATABASE_URL, schema: env.DB_SCHEMA ?? definition.schema };
}
