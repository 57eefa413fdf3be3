export * from './database.options';
export * from './migration.runner';
export * from './persistence.module';
export * from './schema.creator';
export * from './qualified-table';
export * from './transaction-lock';
export * from './database-unavailable';
export * from './schema.tables';
