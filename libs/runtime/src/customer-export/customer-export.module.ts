import { type DynamicModule, Module } from '@nestjs/common';
import type { CustomerDataCatalog } from './customer-data.catalog';
import { CustomerExportController } from './customer-export.controller';
import { CUSTOMER_DATA_CATALOG, CustomerExportService } from './customer-export.service';

/** `GET /customers/:customerId/export` of a service, reading the kinds its catalog names (ADR 0036). */
@Module({})
export class CustomerExportModule {
  static forService(catalog: CustomerDataCatalog): DynamicModule {
    return {
      module: CustomerExportModule,
      controllers: [CustomerExportController],
      providers: [{ provide: CUSTOMER_DATA_CATALOG, useValue: catalog }, CustomerExportService],
    };
  }
}
