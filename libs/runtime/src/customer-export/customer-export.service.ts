import { Inject, Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SchemaTables } from '@nps/persistence';
import { isEncryptedField, PersonalFields } from '@nps/privacy';
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
    @Optional() private readonly personal?: PersonalFields,
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
    for (const rows of Object.values(data)) for (const row of rows) await this.decryptFields(customerId, row);
    return { service: this.catalog.service, customerId, exportedAt: new Date().toISOString(), data };
  }

  /** Rows may keep event fields as they came, encrypted (ADR 0037): the customer gets the text, or '' once erased. */
  private async decryptFields(customerId: string, row: Record<string, unknown>): Promise<void> {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string' || !isEncryptedField(value)) continue;
      if (!this.personal) throw new Error(`${column} is encrypted and this service has no PrivacyModule to read it`);
      row[column] = await this.personal.decryptText(customerId, value);
    }
  }
}
