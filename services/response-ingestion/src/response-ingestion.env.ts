import { BaseEnv } from '@nps/config';

/** Configuration of response-ingestion: survey page, answer APIs, imports. */
export class ResponseIngestionEnv extends BaseEnv {
  override PORT: number = 3002;
}
