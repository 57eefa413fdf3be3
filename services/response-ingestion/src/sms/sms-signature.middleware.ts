import { HttpStatus, Injectable, type NestMiddleware } from '@nestjs/common';
import { DomainError } from '@nps/runtime';
import type { NextFunction, Request, Response } from 'express';
import { ResponseIngestionEnv } from '../response-ingestion.env';
import { SMS_SIGNATURE_HEADER, smsSignatureValid } from './sms-signature.verifier';

/**
 * Only the SMS gateway may post replies: the raw body must carry its HMAC (`X-Signature: sha256=<hex>`,
 * secret SMS_WEBHOOK_SECRET), else 401 before anything is parsed into an answer (docs/security.md).
 */
@Injectable()
export class SmsSignatureMiddleware implements NestMiddleware {
  constructor(private readonly env: ResponseIngestionEnv) {}

  use(request: Request & { rawBody?: Buffer }, res: Response, next: NextFunction): void {
    if (smsSignatureValid(this.env.SMS_WEBHOOK_SECRET, request.rawBody, request.headers[SMS_SIGNATURE_HEADER])) {
      return next();
    }
    res.setHeader('WWW-Authenticate', 'HMAC-SHA256 header="X-Signature"');
    // Thrown, not passed to next(): Nest's proxy hands it to the problem details filter.
    throw new DomainError(
      'SMS_SIGNATURE_INVALID',
      HttpStatus.UNAUTHORIZED,
      'X-Signature: missing or not the HMAC-SHA256 (sha256=<hex>) of the JSON body under the shared webhook secret',
    );
  }
}
