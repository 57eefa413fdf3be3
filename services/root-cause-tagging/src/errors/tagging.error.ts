import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';

export enum TaggingErrorCode {
  TAG_ALREADY_EXISTS = 'TAG_ALREADY_EXISTS',
  TAG_NOT_FOUND = 'TAG_NOT_FOUND',
  TAXONOMY_VERSION_NOT_FOUND = 'TAXONOMY_VERSION_NOT_FOUND',
  RESPONSE_NOT_TAGGED = 'RESPONSE_NOT_TAGGED',
}

const STATUS: Record<TaggingErrorCode, HttpStatus> = {
  [TaggingErrorCode.TAG_ALREADY_EXISTS]: HttpStatus.CONFLICT,
  [TaggingErrorCode.TAG_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TaggingErrorCode.TAXONOMY_VERSION_NOT_FOUND]: HttpStatus.NOT_FOUND,
  [TaggingErrorCode.RESPONSE_NOT_TAGGED]: HttpStatus.NOT_FOUND,
};

/** A request the service understood but cannot carry out; the code is stable, the message is for people. */
export class TaggingError extends Error {
  constructor(
    readonly code: TaggingErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Maps tagging errors to HTTP statuses, with `{ code, message }` as the body. */
@Catch(TaggingError)
export class TaggingErrorFilter implements ExceptionFilter {
  catch(error: TaggingError, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(STATUS[error.code]).json({ statusCode: STATUS[error.code], code: error.code, message: error.message });
  }
}
