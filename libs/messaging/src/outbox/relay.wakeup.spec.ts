import { RelayWakeup } from './relay.wakeup';

describe('RelayWakeup', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends a wait when woken', async () => {
    const wakeup = new RelayWakeup();
    let ended = false;
    const waiting = wakeup.wait(60000).then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    wakeup.wake();
    await waiting;
    expect(ended).toBe(true);
  });

  it('ends a wait after its time when nobody wakes it', async () => {
    const wakeup = new RelayWakeup();
    let ended = false;
    const waiting = wakeup.wait(1000).then(() => (ended = true));
    jest.advanceTimersByTime(999);
    await Promise.resolve();
    expect(ended).toBe(false);
    jest.advanceTimersByTime(1);
    await waiting;
    expect(ended).toBe(true);
  });

  it('keeps a wake that came while nobody waited, once', async () => {
    const wakeup = new RelayWakeup();
    wakeup.wake();
    wakeup.wake();
    await wakeup.wait(60000); // returns at once: the kept wake
    let ended = false;
    const waiting = wakeup.wait(1000).then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false); // two wakes while busy are still one batch to look for
    jest.advanceTimersByTime(1000);
    await waiting;
  });
});
