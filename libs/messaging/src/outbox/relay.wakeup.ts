/**
 * Where the outbox relay waits when it has nothing to send: until `wake()` (a NOTIFY from a
 * committed outbox insert, or shutdown) or until `ms` passed. A wake that comes while the relay
 * is busy is kept, so the next wait returns at once and no insert is left waiting for a poll.
 */
export class RelayWakeup {
  private pending = false;
  private waiter?: () => void;

  wake(): void {
    if (this.waiter) this.waiter();
    else this.pending = true;
  }

  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve();
      };
      this.waiter = done;
    });
  }
}
