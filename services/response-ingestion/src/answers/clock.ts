import { Injectable } from '@nestjs/common';

/** The time answers are accepted at; tests hand in their own. */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
