import { MessagingTables1763856000000 } from '@nps/messaging';
import { dataSourceOptions, runMigrations } from '@nps/persistence';
import { freshSchema, testDatabaseUrl } from '@nps/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { TaggingTables1763900000000 } from '../src/migrations/1763900000000-tagging-tables';
import { FirstTaggedAt1765620000001 } from '../src/migrations/1765620000001-first-tagged-at';
import { TagClassifier } from '../src/model/tag.classifier';
import { service } from '../src/service.definition';

// A model stored before DenseModelWeights1765730000100: [index, weight] pairs of the weights that are not 0.
const PAIRS = {
  vocabulary: ['courier', 'expensive', 'fair', 'late'],
  classifiers: [
    {
      tagId: 'price',
      bias: -1.25,
      weights: [
        [1, 0.73125],
        [2, -0.40012],
      ],
    },
    {
      tagId: 'delivery',
      bias: 0.5,
      weights: [
        [0, 1.5e-4],
        [3, 2.25],
      ],
    },
    { tagId: 'billing', bias: -3, weights: [] },
  ],
};
const DENSE = {
  vocabulary: PAIRS.vocabulary,
  classifiers: [
    { tagId: 'price', bias: -1.25, weights: [0, 0.73125, -0.40012, 0] },
    { tagId: 'delivery', bias: 0.5, weights: [1.5e-4, 0, 0, 2.25] },
    { tagId: 'billing', bias: -3, weights: [0, 0, 0, 0] },
  ],
};

describe('stored models with one weight per feature (migration 1765730000100)', () => {
  let schema: string;
  let db: Client;
  const database = () => ({ url: testDatabaseUrl(), schema, entities: service.entities });
  const stored = async () =>
    (await db.query(`SELECT weights FROM "${schema}".model_versions WHERE version = 1`)).rows[0].weights;

  beforeAll(async () => {
    schema = await freshSchema('tagging_dense_weights');
    const before = [MessagingTables1763856000000, TaggingTables1763900000000, FirstTaggedAt1765620000001];
    await runMigrations({ ...database(), migrations: before });
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    await db.query(
      `INSERT INTO "${schema}".model_versions (version, trigger, held_out_f1, training_examples, confirmed_examples, weights)
       VALUES (1, 'initial', 0.8, 100, 0, $1)`,
      [JSON.stringify(PAIRS)],
    );
  });

  afterAll(async () => {
    await db?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await db?.end();
  });

  it('rewrites a stored model weight by weight, 0 where it had no pair, and the service loads it', async () => {
    expect(await runMigrations({ ...database(), migrations: service.migrations })).toEqual([
      'DenseModelWeights1765730000100',
    ]);
    expect(await stored()).toEqual(DENSE);
    expect(TagClassifier.fromWeights(await stored()).weights).toEqual(DENSE);
  });

  it('turns them back into the pairs when reverted', async () => {
    const dataSource = await new DataSource(
      dataSourceOptions({ ...database(), migrations: service.migrations }),
    ).initialize();
    try {
      await dataSource.undoLastMigration({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    expect(await stored()).toEqual(PAIRS);
  });
});
