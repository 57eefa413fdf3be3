import { type DynamicModule, Module } from '@nestjs/common';
import { BaseEnv, HttpEnv } from './base.env';
import { cachedEnv } from './env.loader';

/** Provides a service's validated environment class as an injectable token of its own type. */
@Module({})
export class ConfigModule {
  static forRoot<T extends HttpEnv>(envClass: new () => T): DynamicModule {
    // Libs read the shared variables through HttpEnv (every process) or BaseEnv (a platform service
    // with a database and Kafka) without knowing the service class.
    const shared: (typeof HttpEnv)[] = envClass.prototype instanceof BaseEnv ? [HttpEnv, BaseEnv] : [HttpEnv];
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: envClass, useFactory: () => cachedEnv(envClass) },
        ...shared.map((token) => ({ provide: token, useExisting: envClass })),
      ],
      exports: [envClass, ...shared],
    };
  }
}
