import { Injectable, Logger } from '@nestjs/common';
import { Topics } from '@nps/contracts';
import { EventTransactions } from '@nps/messaging';
import { PersonalFields } from '@nps/privacy';
import type { ResponseRecord } from '../answers/answer.types';
import { Clock } from '../answers/clock';
import { responseReceived, sealComments } from '../answers/response.events';
import { ResponseRepository, type ImportOrigin } from '../answers/response.repository';
import { ResponseIngestionEnv } from '../response-ingestion.env';
import { EXTERNAL_ID_KEY, parseImportRow } from './import-row.parser';
import { ImportReport } from './import.report';
import type { SourceRow } from './import-source.reader';

interface Pending {
  records: ResponseRecord[];
  origins: ImportOrigin[];
}

/**
 * Bulk import of historical answers. Rows go in batches, each one transaction that inserts the
 * responses that are not there yet and queues their events in the outbox. Ids are derived from
 * the import id and the row, so a run killed halfway and started again stores and publishes
 * only what the first run did not commit (ADR 0007).
 */
@Injectable()
export class ResponseImporter {
  private readonly logger = new Logger(ResponseImporter.name);

  constructor(
    private readonly transactions: EventTransactions,
    private readonly responses: ResponseRepository,
    private readonly env: ResponseIngestionEnv,
    private readonly clock: Clock,
    private readonly fields: PersonalFields,
  ) {}

  /** `followUp`: the answers are to be followed up like fresh ones (cases for detractors), whatever their age. */
  async run(importId: string, rows: AsyncIterable<SourceRow>, followUp = false): Promise<ImportReport> {
    const report = new ImportReport(importId);
    const firstLineOf = new Map<string, number>();
    let pending: Pending = { records: [], origins: [] };
    const now = this.clock.now();
    for await (const source of rows) {
      report.rows++;
      if ('unreadable' in source) {
        report.reject(source.line, [{ field: 'row', reason: source.unreadable }]);
        continue;
      }
      const parsed = parseImportRow(source.row, source.line, importId, now);
      if (!parsed.ok) {
        report.reject(source.line, parsed.problems);
        continue;
      }
      // Only an external id can repeat: a row without one is keyed by its own line.
      if (parsed.rowKey.startsWith(EXTERNAL_ID_KEY)) {
        const first = firstLineOf.get(parsed.rowKey);
        if (first !== undefined) {
          report.reject(source.line, [{ field: 'external_id', reason: `duplicates the row on line ${first}` }]);
          continue;
        }
        firstLineOf.set(parsed.rowKey, source.line);
      }
      pending.records.push(parsed.record);
      pending.origins.push({ importId, line: source.line });
      if (pending.records.length >= this.env.IMPORT_BATCH_SIZE) {
        await this.write(pending, report, followUp);
        pending = { records: [], origins: [] };
      }
    }
    await this.write(pending, report, followUp);
    // The CSV parser reports unreadable records a little ahead of the rows before them.
    report.rejects.sort((a, b) => a.line - b.line);
    this.logger.log({
      msg: 'import finished',
      importId,
      rows: report.rows,
      published: report.published,
      alreadyImported: report.alreadyImported,
      rejected: report.rejected,
      followUp,
    });
    return report;
  }

  private async write(batch: Pending, report: ImportReport, followUp: boolean): Promise<void> {
    if (batch.records.length === 0) return;
    // Before the transaction, so it stays short; a row already imported is sealed for nothing.
    const sealed = await sealComments(this.fields, batch.records);
    const published = await this.transactions.run(async (unitOfWork) => {
      const inserted = await this.responses.insertIfAbsent(unitOfWork.manager, batch.records, batch.origins);
      const acceptedAt = this.clock.now();
      for (const [i, record] of batch.records.entries()) {
        if (!inserted.has(record.responseId)) continue;
        unitOfWork.publish(
          Topics.ResponseReceived,
          responseReceived(record, sealed[i], acceptedAt, { followUpRequested: followUp }),
        );
      }
      return inserted.size;
    });
    report.accepted += batch.records.length;
    report.published += published;
    report.alreadyImported += batch.records.length - published;
  }
}
