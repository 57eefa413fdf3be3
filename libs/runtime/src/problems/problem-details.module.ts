import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { HttpEnv } from '@nps/config';
import { ProblemDetailsFilter } from './problem-details.filter';
import { requestValidationPipe } from './request-validation.pipe';

const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** Registers the problem details filter and the validation pipe for all HTTP routes of the app. */
@Module({})
export class ProblemDetailsModule {
  static forRoot(service: string): DynamicModule {
    return {
      module: ProblemDetailsModule,
      providers: [
        {
          provide: APP_FILTER,
          inject: [{ token: HttpEnv, optional: true }],
          useFactory: (env?: HttpEnv) =>
            new ProblemDetailsFilter({
              service,
              retryAfterSeconds: env?.HTTP_RETRY_AFTER_SECONDS ?? DEFAULT_RETRY_AFTER_SECONDS,
            }),
        },
        { provide: APP_PIPE, useFactory: requestValidationPipe },
      ],
    };
  }
}
