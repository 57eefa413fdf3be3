import { Injectable } from '@nestjs/common';
import { MessagingSettings } from '@nps/messaging';

/** Qualified names of this service's tables, in the schema it runs in (DB_SCHEMA may override it). */
@Injectable()
export class SchemaTables {
  constructor(private readonly settings: MessagingSettings) {}

  get schema(): string {
    return this.settings.schema;
  }

  of(table: string): string {
    return `"${this.settings.schema}"."${table}"`;
  }
}
