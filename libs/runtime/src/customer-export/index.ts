export * from './customer-data.catalog';
export * from './customer-data.eraser';
export * from './customer-export.module';
export * from './customer-export.service';
export * from './privacy-export.gather';
export * from './privacy-export.settings';
export * from './customer-erasure.module';
