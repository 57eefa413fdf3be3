import { Client } from 'pg';

/** What a schema holds, as comparable text: its objects' definitions and each table's row count. */
export type SchemaSnapshot = Record<string, string[]>;

const OBJECTS: Record<string, string> = {
  columns: `SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' ||
              coalesce(column_default, '') AS item
            FROM information_schema.columns WHERE table_schema = $1`,
  indexes: `SELECT indexname || ': ' || indexdef AS item FROM pg_indexes WHERE schemaname = $1`,
  constraints: `SELECT c.conrelid::regclass || ' ' || c.conname || ': ' || pg_get_constraintdef(c.oid) AS item
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1`,
  types: `SELECT t.typname || ' ' || t.typtype::text AS item FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = $1 AND t.typtype IN ('e', 'd')`,
  enumLabels: `SELECT t.typname || ' ' || e.enumlabel AS item FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
               JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = $1`,
  functions: `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || '): ' || md5(p.prosrc) AS item
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1`,
  triggers: `SELECT t.tgrelid::regclass || ' ' || t.tgname AS item FROM pg_trigger t
             JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND NOT t.tgisinternal`,
  relations: `SELECT c.relname || ' ' || c.relkind::text AS item FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = $1`,
};

/** Reads `schema`'s snapshot; the migrations table's rows are left out (they are the bookkeeping). */
export async function snapshotOf(databaseUrl: string, schema: string): Promise<SchemaSnapshot> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const snapshot: SchemaSnapshot = {};
    for (const [kind, sql] of Object.entries(OBJECTS)) {
      const { rows } = await client.query<{ item: string }>(sql, [schema]);
      snapshot[kind] = rows.map((row) => row.item).sort();
    }
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = $1 AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
      [schema],
    );
    snapshot.rows = [];
    for (const { name } of tables.rows) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."${name}"`);
      snapshot.rows.push(`${name} ${rows[0].n}`);
    }
    snapshot.rows.sort();
    return snapshot;
  } finally {
    await client.end();
  }
}
