import { Injectable } from '@nestjs/common';

/**
 * The service's own Postgres schema (DB_SCHEMA overrides the service's default) and the qualified
 * names of its tables, for the hand-written SQL of repositories. Provided by PersistenceModule.
 */
@Injectable()
export class SchemaTables {
  constructor(readonly schema: string) {}

  /** `"schema"."table"` for one of this service's tables. */
  of(table: string): string {
    return `"${this.schema}"."${table}"`;
  }
}
