import { qualifiedTable } from '@nps/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed webhook and SMS calls used to keep up to 200 characters of the provider's answer in
 * `last_error` (`HTTP 400: <body>`), readable through GET /survey-requests. Only the status is kept
 * now (docs/adr/0019-outbound-calls.md); this drops what earlier failures stored.
 */
export class ForgetProviderAnswers1764700000000 implements MigrationInterface {
  name = 'ForgetProviderAnswers1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `UPDATE ${qualifiedTable(runner, 'survey_requests')}
       SET last_error = substring(last_error from '^HTTP [0-9]{3}')
       WHERE last_error ~ '^HTTP [0-9]{3}: '`,
    );
  }

  async down(): Promise<void> {
    // Nothing to restore: the answers are gone on purpose.
  }
}
