import type { EntityManager } from 'typeorm';
import type { CustomerDataCatalog } from './customer-data.catalog';

/**
 * Blanks the personal text the catalog declares (`erase` of each kind) for one customer, in the
 * caller's transaction; returns the rows changed per kind. Rows already blank are not counted, so
 * a repeated erasure reports zeros (ADR 0038).
 */
export async function eraseCustomerData(
  manager: EntityManager,
  catalog: CustomerDataCatalog,
  of: (table: string) => string,
  customerId: string,
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const { kind, tables, erase } of catalog.kinds) {
    if (!erase) continue;
    const columns = Object.entries(erase.set);
    const assignments = columns.map(([column, value]) => `${column} = ${value}`).join(', ');
    const differs = columns.map(([column, value]) => `${column} IS DISTINCT FROM ${value}`).join(' OR ');
    const [, count] = (await manager.query(
      `UPDATE ${of(tables[0])} SET ${assignments} WHERE (${erase.where(of)}) AND (${differs})`,
      [customerId],
    )) as [unknown, number];
    changed[kind] = count;
  }
  return changed;
}
