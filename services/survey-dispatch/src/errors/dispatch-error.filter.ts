import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import { DispatchError, DispatchErrorCode } from './dispatch.error';

const STATUS: Record<DispatchErrorCode, HttpStatus> = {
  [DispatchErrorCode.ValidationFailed]: HttpStatus.BAD_REQUEST,
  [DispatchErrorCode.UnreadableImport]: HttpStatus.BAD_REQUEST,
  [DispatchErrorCode.UnsupportedContentType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [DispatchErrorCode.UnknownCustomer]: HttpStatus.NOT_FOUND,
};

interface JsonResponse {
  status(code: number): { json(body: unknown): void };
}

/** The one place where this service's refusals become HTTP statuses. */
@Catch(DispatchError)
export class DispatchErrorFilter implements ExceptionFilter {
  catch(error: DispatchError, host: ArgumentsHost): void {
    const status = STATUS[error.code];
    host
      .switchToHttp()
      .getResponse<JsonResponse>()
      .status(status)
      .json({ statusCode: status, code: error.code, message: error.message, ...(error.fields.length > 0 ? { fields: error.fields } : {}) });
  }
}
