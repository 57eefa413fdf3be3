import { type DynamicModule, Module } from '@nestjs/common';
import type { CustomerDataCatalog } from './customer-data.catalog';
import { CustomerErasedHandler, ERASED_DATA_CATALOG } from './customer-erased.handler';

/** Blanks an erased customer's personal text on `customer erased`, as the service's catalog declares it (ADR 0038). */
@Module({})
export class CustomerErasureModule {
  static forService(catalog: CustomerDataCatalog): DynamicModule {
    return {
      module: CustomerErasureModule,
      controllers: [CustomerErasedHandler],
      providers: [{ provide: ERASED_DATA_CATALOG, useValue: catalog }],
    };
  }
}
