export * from './customer-data.catalog';
export * from './customer-export.module';
export * from './customer-export.service';
