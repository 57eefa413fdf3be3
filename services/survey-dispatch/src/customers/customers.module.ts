import { Module } from '@nestjs/common';
import { CustomerImportController } from './customer-import.controller';
import { CustomerImporter } from './customer-importer';

@Module({ controllers: [CustomerImportController], providers: [CustomerImporter] })
export class CustomersModule {}
