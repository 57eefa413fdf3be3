import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { CaseError } from './case.error';

/** Maps domain errors to `{ statusCode, code, message, ...details }`. */
@Catch(CaseError)
export class CaseErrorFilter implements ExceptionFilter {
  catch(error: CaseError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<JsonResponse>();
    response.status(error.status).json({ statusCode: error.status, code: error.code, message: error.message, ...error.details });
  }
}

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}
