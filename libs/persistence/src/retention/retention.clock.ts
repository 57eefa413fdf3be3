import { Injectable } from '@nestjs/common';

/** The moment retention counts back from; tests (and `cli.js prune --now`) hand in their own. */
@Injectable()
export class RetentionClock {
  now(): Date {
    return new Date();
  }
}

/** A clock stopped at `at`. */
export function fixedClock(at: Date): RetentionClock {
  return { now: () => at };
}
