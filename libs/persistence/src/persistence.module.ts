import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { dataSourceOptions, type DatabaseOptions } from './database.options';
import { ensureSchema } from './schema.creator';

export type SchemaDefinition = Omit<DatabaseOptions, 'url'>;

/**
 * Connects a service to its own schema (DB_SCHEMA overrides the name) and runs its pending
 * migrations at start-up; `npm run migrate` runs the same migrations on their own.
 */
@Module({})
export class PersistenceModule {
  static forRoot(definition: SchemaDefinition): DynamicModule {
    return {
      module: PersistenceModule,
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
      exports: [TypeOrmModule],
    };
  }
}

/** The database options of a service under the given environment. */
export function databaseOptionsFrom(env: BaseEnv, definition: SchemaDefinition): DatabaseOptions {
  return { ...definition, url: env.DATABASE_URL, schema: env.DB_SCHEMA ?? definition.schema };
}
