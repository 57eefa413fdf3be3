import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Readable } from 'node:stream';
import { Scopes } from '@nps/auth';
import type { Request } from 'express';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import { ImportReport } from './import.report';
import { ResponseIngestionEnv } from '../response-ingestion.env';
import { cappedBody, cappedRows } from './import-size.limit';
import { csvRows, jsonArray, jsonLines, type SourceRow } from './import-source.reader';
import { ResponseImporter } from './response-importer.service';

const IMPORT_ID = /^[A-Za-z0-9._-]{1,100}$/;

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly importer: ResponseImporter,
    private readonly env: ResponseIngestionEnv,
  ) {}

  /** Streams the request body: a 100,000-row file is never held in memory as a whole. */
  @Post()
  @Scopes('imports:write')
  @HttpCode(200)
  @ApiQuery({
    name: 'importId',
    required: true,
    description:
      'Names this import. Sending the same file again under the same id (e.g. after a crash) publishes nothing twice.',
  })
  @ApiQuery({
    name: 'followUp',
    required: false,
    enum: ['true', 'false'],
    description:
      'true: follow these answers up like fresh ones (a case per detractor), whatever their age. Default false: the ' +
      "case-opening policy skips imported answers (docs/outer-loop.md). Part of the import's identity only through " +
      'importId: rerunning an import id with another followUp publishes nothing new.',
  })
  @ApiConsumes('text/csv', 'application/x-ndjson', 'application/json')
  @ApiBody({
    description:
      'CSV with a header line, JSON Lines (one object per line), or a small JSON array. Columns: customer_id, score, ' +
      'answered_at, language (required); comment, channel, touchpoint_id, touchpoint_type, survey_request_id, ' +
      'external_id (optional).',
    schema: {
      type: 'string',
      example: 'customer_id,score,answered_at,language,comment\nc-1,9,2025-03-01T14:05:00Z,en,Great service',
    },
  })
  @ApiOkResponse({
    type: ImportReport,
    description:
      'Accepted rows were published (source IMPORT, original answered_at); rejects name line, field and reason.',
  })
  @ApiBadRequestResponse({ description: 'importId is missing or malformed, or followUp is not true or false.' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is neither CSV, JSON Lines nor a JSON array.' })
  async import(
    @Query('importId') importId: unknown,
    @Query('followUp') followUp: unknown,
    @Req() request: Request,
  ): Promise<ImportReport> {
    if (typeof importId !== 'string' || !IMPORT_ID.test(importId)) {
      throw IngestionError.invalidField(
        'importId',
        'query parameter is required: 1–100 letters, digits, ".", "_" or "-"',
      );
    }
    const followUpRequested = followUpOf(followUp);
    return this.importer.run(importId, this.rowsOf(request), followUpRequested);
  }

  private rowsOf(request: Request): AsyncIterable<SourceRow> {
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const limits = { maxBytes: this.env.IMPORT_MAX_BYTES, maxRows: this.env.IMPORT_MAX_ROWS };
    const streamed = (read: (input: Readable) => AsyncIterable<SourceRow>) => {
      const { body, exceeded } = cappedBody(request, limits);
      return cappedRows(request, read(body), limits, exceeded);
    };
    if (type === 'text/csv') return streamed(csvRows);
    if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/json-lines')
      return streamed(jsonLines);
    // Nest's JSON body parser has already read (and size-limited, HTTP_BODY_LIMIT_BYTES) a JSON body.
    if (type === 'application/json' && Array.isArray(request.body))
      return cappedRows(request, jsonArray(request.body), limits);
    throw new IngestionError(
      IngestionErrorCode.UnsupportedImportFormat,
      `Content-Type must be text/csv, application/x-ndjson or application/json (an array); got "${type || 'none'}"`,
      [{ field: 'Content-Type', reason: 'must be text/csv, application/x-ndjson or application/json' }],
    );
  }
}

/** Only an explicit `true` asks for follow-up; anything but true, false or nothing is refused. */
function followUpOf(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw IngestionError.invalidField('followUp', 'must be true or false');
}
