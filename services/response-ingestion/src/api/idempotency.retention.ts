import { Injectable, type OnModuleInit } from '@nestjs/common';
import { RetentionJob } from '@nps/messaging';
import { SchemaTables } from '@nps/persistence';
import { ResponseIngestionEnv } from '../response-ingestion.env';

/** Forgets `Idempotency-Key`s older than IDEMPOTENCY_KEY_RETENTION_DAYS (docs/messaging.md, Retention). */
@Injectable()
export class IdempotencyRetention implements OnModuleInit {
  constructor(
    private readonly retention: RetentionJob,
    private readonly tables: SchemaTables,
    private readonly env: ResponseIngestionEnv,
  ) {}

  onModuleInit(): void {
    this.retention.register({
      name: 'idempotency keys',
      table: this.tables.of('idempotency_keys'),
      datedBy: 'created_at',
      maxAgeDays: this.env.IDEMPOTENCY_KEY_RETENTION_DAYS,
    });
  }
}
