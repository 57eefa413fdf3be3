import { Module } from '@nestjs/common';
import { CustomerImportController } from './customer-import.controller';
import { CustomerImporter } from './customer-importer';
import { CustomerRepository } from './customer.repository';

@Module({ controllers: [CustomerImportController], providers: [CustomerImporter, CustomerRepository] })
export class CustomersModule {}
