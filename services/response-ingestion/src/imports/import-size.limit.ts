import { Transform } from 'node:stream';
import type { Request } from 'express';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import type { SourceRow } from './import-source.reader';

/** The caps of one import request (IMPORT_MAX_BYTES, IMPORT_MAX_ROWS). */
export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

/**
 * The request body as a stream that ends after `maxBytes`: a declared Content-Length above it is
 * refused before anything is read; a body that grows past it (chunked) is cut there and `exceeded`
 * tells the row reader to answer 413. Rows of batches committed before the cut stay imported, and
 * sending the file again under the same import id publishes none of them twice (ADR 0007).
 */
export function cappedBody(request: Request, limits: ImportLimits): { body: Transform; exceeded: () => boolean } {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limits.maxBytes) throw tooLarge(request, `the body is ${declared} bytes`, limits);
  let bytes = 0;
  let cut = false;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (cut) return done();
      bytes += chunk.length;
      if (bytes <= limits.maxBytes) return done(null, chunk);
      cut = true;
      // Stop reading: the client's remaining bytes are not worth receiving, the socket closes after the 413.
      request.unpipe(body);
      request.pause();
      done();
      body.end();
    },
  });
  return { body: request.pipe(body), exceeded: () => cut };
}

/** Rows from `rows` until `maxRows` (or the cut body) is passed, then a 413. */
export async function* cappedRows(
  request: Request,
  rows: AsyncIterable<SourceRow>,
  limits: ImportLimits,
  exceeded: () => boolean = () => false,
): AsyncGenerator<SourceRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > limits.maxRows) throw tooLarge(request, `it has more than ${limits.maxRows} rows`, limits);
    yield row;
  }
  if (exceeded()) throw tooLarge(request, `it has more than ${limits.maxBytes} bytes`, limits);
}

function tooLarge(request: Request, what: string, limits: ImportLimits): IngestionError {
  request.res?.setHeader('Connection', 'close');
  return new IngestionError(
    IngestionErrorCode.ImportTooLarge,
    `the import is too large: ${what}; at most ${limits.maxRows} rows and ${limits.maxBytes} bytes per request, ` +
      'split the file into several imports',
  );
}
