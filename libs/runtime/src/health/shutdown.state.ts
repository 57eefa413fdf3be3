import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/** Set once shutdown begins, so readiness turns 503 and load balancers stop sending work. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  draining = false;

  beforeApplicationShutdown(): void {
    this.draining = true;
  }
}
