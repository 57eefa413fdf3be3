import { dataSourceOptions, runMigrations, type DatabaseOptions } from '@nps/persistence';
import { DataSource } from 'typeorm';
import { freshName, testDatabaseUrl } from '../test-namespace';

/** The columns that tie a row to one customer: a table holding one must be exported or explained. */
export const CUSTOMER_LINK_COLUMNS = ['customer_id', 'response_id', 'case_id'];

/**
 * The parts of a service's customer-data catalog (`@nps/runtime`, ADR 0036) these checks read;
 * declared here because libs/testing must not import the libs whose tests use it.
 */
export interface CheckedCatalog {
  service: string;
  kinds: { kind: string; tables: string[]; query: (of: (table: string) => string) => string }[];
  notPersonal: Record<string, string>;
}

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
    readonly linkedTables: string[],
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
    const links = columns.filter((column) => CUSTOMER_LINK_COLUMNS.includes(column.column_name));
    const linked = [...new Set(links.map((column) => column.table_name))].sort();
    return new CustomerDataSchema(db, options.schema, tables, linked);
  }

  gaps(catalog: CheckedCatalog): CatalogGaps {
    const named = [...catalog.kinds.flatMap((kind) => kind.tables), ...Object.keys(catalog.notPersonal)];
    return {
      forgotten: this.linkedTables.filter((table) => !named.includes(table)),
      unknown: named.filter((table) => !this.tables.includes(table)),
    };
  }

  /** Each kind's rows for `customerId`, read with the catalog's own queries. */
  async rowsOf(catalog: CheckedCatalog, customerId: string): Promise<Record<string, unknown[]>> {
    const of = (table: string) => `"${this.schema}"."${table}"`;
    const rows: Record<string, unknown[]> = {};
    for (const kind of catalog.kinds) rows[kind.kind] = await this.db.query(kind.query(of), [customerId]);
    return rows;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
