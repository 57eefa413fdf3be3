import { ensureSchema } from '@nps/persistence';
import { freshName, testDatabaseUrl } from '@nps/testing';
import { Client } from 'pg';

// `npm start` on a fresh machine starts every service at once, each creating the database it is missing.
describe('ensureSchema, many services at once on a database nobody created yet', () => {
  const database = freshName('ensure_db');
  const url = new URL(testDatabaseUrl());
  url.pathname = `/${database}`;
  const admin = () => {
    const adminUrl = new URL(testDatabaseUrl());
    adminUrl.pathname = '/postgres';
    return new Client({ connectionString: adminUrl.toString() });
  };

  afterAll(async () => {
    const client = admin();
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  });

  it('creates the database and every schema, whichever of them gets there first', async () => {
    const schemas = ['one', 'one', 'two', 'two', 'three', 'three', 'four', 'four'];

    await Promise.all(schemas.map((schema) => ensureSchema(url.toString(), schema)));

    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const found = await client.query(
        "SELECT nspname FROM pg_namespace WHERE nspname IN ('one', 'two', 'three', 'four') ORDER BY nspname",
      );
      expect(found.rows.map((row) => row.nspname)).toEqual(['four', 'one', 'three', 'two']);
    } finally {
      await client.end();
    }
  });
});
