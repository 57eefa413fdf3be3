import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { NpsQueryError } from '../nps/nps-query.error';

/** Answers an NpsQueryError as 400 in the shape of a validation error, plus its code and field. */
@Catch(NpsQueryError)
export class NpsQueryErrorFilter implements ExceptionFilter {
  catch(error: NpsQueryError, host: ArgumentsHost): void {
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(400)
      .json({ statusCode: 400, error: 'Bad Request', code: error.code, field: error.field, message: [error.message] });
  }
}
