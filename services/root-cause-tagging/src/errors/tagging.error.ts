import { HttpStatus } from '@nestjs/common';
import { DomainError } from '@nps/runtime';

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

/** A request the service understood but cannot carry out; @nps/runtime answers it as problem details. */
export class TaggingError extends DomainError<TaggingErrorCode> {
  constructor(code: TaggingErrorCode, detail: string) {
    super(code, STATUS[code], detail);
  }
}
