import type { QueryRunner } from 'typeorm';

/** `"schema"."table"` for the schema the migration runs in, for raw SQL in migrations. */
export function qualifiedTable(runner: QueryRunner, table: string): string {
  const schema = (runner.connection.options as { schema?: string }).schema ?? 'public';
  return `"${schema}"."${table}"`;
}
