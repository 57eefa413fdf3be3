import type { DatabaseOptions } from '@nps/persistence';
import { type CheckedCatalog, CustomerDataSchema } from './customer-data.schema';

/**
 * The checks every service's customer-data catalog must pass (ADR 0036), against a schema its own
 * migrations make: a new table holding a customer, response or case id fails them until it is
 * exported or listed as not personal with the reason.
 */
export function describeCustomerDataCatalog(
  service: { name: string; migrations: DatabaseOptions['migrations'] },
  catalog: CheckedCatalog,
): void {
  describe(`${service.name}: what it exports about a customer`, () => {
    let schema: CustomerDataSchema;

    beforeAll(async () => {
      schema = await CustomerDataSchema.migrate(service);
    });

    afterAll(async () => {
      await schema?.close();
    });

    it('exports or explains every table with a customer_id, response_id or case_id, and names no other', () => {
      expect(schema.gaps(catalog)).toEqual({ forgotten: [], unknown: [] });
    });

    it('would notice a table left out', () => {
      const [first, ...others] = catalog.kinds;
      const left = first.tables.filter((table) => schema.linkedTables.includes(table));
      expect(left.length).toBeGreaterThan(0);
      expect(schema.gaps({ ...catalog, kinds: others }).forgotten).toEqual(expect.arrayContaining(left));
    });

    it('reads every kind with a query that runs, and a customer it does not know has none', async () => {
      const rows = await schema.rowsOf(catalog, 'nobody-we-know');
      expect(rows).toEqual(Object.fromEntries(catalog.kinds.map((kind) => [kind.kind, []])));
    });
  });
}
