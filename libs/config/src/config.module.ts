import { type DynamicModule, Module } from '@nestjs/common';
import { BaseEnv } from './base.env';
import { cachedEnv } from './env.loader';

/** Provides a service's validated environment class as an injectable token of its own type. */
@Module({})
export class ConfigModule {
  static forRoot<T extends BaseEnv>(envClass: new () => T): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: envClass, useFactory: () => cachedEnv(envClass) },
        // Libs read the shared variables through BaseEnv without knowing the service class.
        { provide: BaseEnv, useExisting: envClass },
      ],
      exports: [envClass, BaseEnv],
    };
  }
}
