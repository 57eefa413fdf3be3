import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { IngestionError, IngestionErrorCode } from './ingestion.error';

const STATUS: Partial<Record<IngestionErrorCode, HttpStatus>> = {
  [IngestionErrorCode.IdempotencyKeyReused]: HttpStatus.UNPROCESSABLE_ENTITY,
  [IngestionErrorCode.UnsupportedImportFormat]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [IngestionErrorCode.SurveyRequestUnknown]: HttpStatus.NOT_FOUND,
};

/** The one place where this service's refusals become HTTP statuses; everything else is a 400. */
@Catch(IngestionError)
export class IngestionErrorFilter implements ExceptionFilter {
  catch(error: IngestionError, host: ArgumentsHost): void {
    const status = STATUS[error.code] ?? HttpStatus.BAD_REQUEST;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ statusCode: status, code: error.code, message: error.message, ...(error.fields.length > 0 ? { fields: error.fields } : {}) });
  }
}
