import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BaseEnv } from '@nps/config';
import { PersistenceModule, qualifiedTable } from '@nps/persistence';
import { freshName, freshSchema, testDatabaseUrl } from '@nps/testing';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

class CreateNotes1700000000011 implements MigrationInterface {
  name = 'CreateNotes1700000000011';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ${qualifiedTable(runner, 'notes')} (id int PRIMARY KEY)`);
    await runner.query(`INSERT INTO ${qualifiedTable(runner, 'notes')} VALUES (1)`); // twice: duplicate key
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE ${qualifiedTable(runner, 'notes')}`);
  }
}

@Module({})
class EnvModule {
  static with(values: Partial<BaseEnv>): DynamicModule {
    const env = Object.assign(new BaseEnv(), { DATABASE_URL: testDatabaseUrl() }, values);
    return { module: EnvModule, global: true, providers: [{ provide: BaseEnv, useValue: env }], exports: [BaseEnv] };
  }
}

function start(values: Partial<BaseEnv>): Promise<INestApplicationContext> {
  const definition = { schema: 'unused', entities: [], migrations: [CreateNotes1700000000011] };
  @Module({ imports: [EnvModule.with(values), PersistenceModule.forRoot(definition)] })
  class App {}
  return NestFactory.createApplicationContext(App, { logger: false });
}

// DB_MIGRATIONS_RUN and the pool settings, through the module every service starts with (docs/adr/0026).
describe('PersistenceModule start-up', () => {
  const apps: INestApplicationContext[] = [];
  afterEach(async () => Promise.all(apps.splice(0).map((app) => app.close())));

  it('migrates on start by default: two instances starting at once apply each migration once', async () => {
    const schema = freshName('start_migrate'); // not created yet
    apps.push(...(await Promise.all([start({ DB_SCHEMA: schema }), start({ DB_SCHEMA: schema })])));
    const db = apps[0].get<DataSource>(getDataSourceToken());
    expect(await db.query(`SELECT name FROM "${schema}".migrations`)).toEqual([{ name: 'CreateNotes1700000000011' }]);
    expect(await db.query(`SELECT id FROM "${schema}".notes`)).toEqual([{ id: 1 }]);
  });

  it('with DB_MIGRATIONS_RUN=false, leaves the schema to the migration Job; the pool has its settings', async () => {
    const schema = await freshSchema('start_no_migrate');
    const app = await start({ DB_SCHEMA: schema, DB_MIGRATIONS_RUN: false, DATABASE_STATEMENT_TIMEOUT_MS: 2500 });
    apps.push(app);
    const db = app.get<DataSource>(getDataSourceToken());
    const [{ found }] = await db.query('SELECT to_regclass($1) AS found', [`"${schema}".migrations`]);
    expect(found).toBeNull();
    expect(await db.query('SHOW statement_timeout')).toEqual([{ statement_timeout: '2500ms' }]);
  });
});
