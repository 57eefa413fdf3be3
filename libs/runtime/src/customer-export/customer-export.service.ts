import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import { DataSource } from 'typeorm';
import type { CustomerDataCatalog } from './customer-data.catalog';
import { readableRow } from './customer-export.rows';

export const CUSTOMER_DATA_CATALOG = Symbol('CUSTOMER_DATA_CATALOG');

/** What one service holds about one customer (docs/privacy.md, Access requests). */
export interface CustomerExport {
  service: string;
  customerId: string;
  exportedAt: string;
  data: Record<string, Record<string, unknown>[]>;
}

@Injectable()
export class CustomerExportService {
  constructor(
    @Inject(CUSTOMER_DATA_CATALOG) private readonly catalog: CustomerDataCatalog,
    @InjectDataSource() private readonly db: DataSource,
    private readonly tables: SchemaTables,
  ) {}

  /** Every kind of the catalog, read in one snapshot so the kinds agree with each other. */
  async export(customerId: string): Promise<CustomerExport> {
    const of = (table: string) => this.tables.of(table);
    const data = await this.db.transaction('REPEATABLE READ', async (manager) => {
      const kinds: CustomerExport['data'] = {};
      for (const kind of this.catalog.kinds) {
        const rows: Record<string, unknown>[] = await manager.query(kind.query(of), [customerId]);
        kinds[kind.kind] = rows.map((row) => readableRow(kind, row));
      }
      return kinds;
    });
    return { service: this.catalog.service, customerId, exportedAt: new Date().toISOString(), data };
  }
}
