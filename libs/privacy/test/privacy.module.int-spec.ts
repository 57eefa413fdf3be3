import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BaseEnv, loadEnv } from '@nps/config';
import { dataSourceOptions } from '@nps/persistence';
import { freshName, freshSchema, testDatabaseUrl } from '@nps/testing';
import { CustomerKeys, PersonalFields, PrivacyModule, WithPrivacySettings } from '../src';

class ExampleEnv extends WithPrivacySettings(BaseEnv) {}

/** A service's start-up as far as the privacy wiring goes: its env, its TypeORM connection, PrivacyModule. */
async function startService(
  envClass: new () => BaseEnv,
  env: Record<string, string>,
): Promise<INestApplicationContext> {
  const loaded = loadEnv(envClass, { DATABASE_URL: testDatabaseUrl(), ...env });
  const schema = await freshSchema('privacy_module_service');
  @Global()
  @Module({ providers: [{ provide: BaseEnv, useValue: loaded }], exports: [BaseEnv] })
  class EnvModule {}
  @Module({
    imports: [
      EnvModule,
      TypeOrmModule.forRoot(
        dataSourceOptions({ url: testDatabaseUrl(), schema, entities: [], migrations: [], poolSize: 2 }),
      ),
      PrivacyModule.forRoot(),
    ],
  })
  class ServiceModule {}
  return NestFactory.createApplicationContext(ServiceModule, { logger: false, abortOnError: false });
}

describe('PrivacyModule', () => {
  const started: INestApplicationContext[] = [];
  const start = async (envClass: new () => BaseEnv, env: Record<string, string>) => {
    const app = await startService(envClass, env);
    started.push(app);
    return app;
  };

  afterAll(() => Promise.all(started.map((app) => app.close())));

  it('lets services starting at once create one key store in PRIVACY_SCHEMA, and read each other', async () => {
    const env = { PRIVACY_SCHEMA: freshName('privacy'), PRIVACY_KEY_CACHE_TTL_MS: '0' };
    const [producer, consumer, third] = await Promise.all([
      start(ExampleEnv, env),
      start(ExampleEnv, env),
      start(ExampleEnv, env),
    ]);
    const customerId = `c-${freshName('x')}`;

    const value = await producer.get(PersonalFields).encrypt(customerId, 'Jan de Vries');
    expect(value).toMatch(/^enc:v1:/);
    expect(await consumer.get(PersonalFields).decrypt(customerId, value)).toEqual({
      erased: false,
      text: 'Jan de Vries',
    });

    expect(await third.get(CustomerKeys).erase(customerId)).toBe(true);
    expect(await consumer.get(PersonalFields).decrypt(customerId, value)).toEqual({ erased: true });
  });

  it('does not start a service whose env lacks the privacy settings', async () => {
    await expect(startService(BaseEnv, {})).rejects.toThrow(/WithPrivacySettings/);
  });
});
