import { dataSourceOptions, runMigrations, SchemaTables, type DatabaseOptions } from '@nps/persistence';
import {
  CUSTOMER_LINK_COLUMNS,
  type CustomerDataCatalog,
  type CustomerExport,
  CustomerExportService,
} from '@nps/runtime';
import { DataSource } from 'typeorm';
import { freshName, testDatabaseUrl } from '../test-namespace';

/** What a catalog leaves out: tables tying rows to a customer it neither exports nor explains, names of no table. */
export interface CatalogGaps {
  forgotten: string[];
  unknown: string[];
}

/**
 * A service's schema as its migrations make it, fresh, to check its customer-data catalog against
 * (ADR 0036): every table with a customer, response or case id must be exported or explained.
 */
export class CustomerDataSchema {
  private constructor(
    private readonly db: DataSource,
    readonly schema: string,
    private readonly tables: string[],
    private readonly linked: string[],
  ) {}

  static async migrate(service: { name: string; migrations: DatabaseOptions['migrations'] }) {
    const options = {
      url: testDatabaseUrl(),
      schema: freshName(`export_${service.name.replaceAll('-', '_')}`),
      entities: [],
      migrations: service.migrations,
    };
    await runMigrations(options);
    const db = await new DataSource(dataSourceOptions({ ...options, poolSize: 2 })).initialize();
    const columns: { table_name: string; column_name: string }[] = await db.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1`,
      [options.schema],
    );
    const tables = [...new Set(columns.map((column) => column.table_name))].sort();
    const links: readonly string[] = CUSTOMER_LINK_COLUMNS;
    const linked = [...new Set(columns.filter((c) => links.includes(c.column_name)).map((c) => c.table_name))].sort();
    return new CustomerDataSchema(db, options.schema, tables, linked);
  }

  /** Tables holding a customer_id, response_id or case_id column. */
  get linkedTables(): string[] {
    return this.linked;
  }

  gaps(catalog: CustomerDataCatalog): CatalogGaps {
    const named = [...catalog.kinds.flatMap((kind) => kind.tables), ...Object.keys(catalog.notPersonal)];
    return {
      forgotten: this.linked.filter((table) => !named.includes(table)),
      unknown: named.filter((table) => !this.tables.includes(table)),
    };
  }

  /** The export the service's endpoint would answer, read from this schema. */
  export(catalog: CustomerDataCatalog, customerId: string): Promise<CustomerExport> {
    return new CustomerExportService(catalog, this.db, new SchemaTables(this.schema)).export(customerId);
  }

  query(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.db.query(sql.replaceAll('{schema}', `"${this.schema}"`), params);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
