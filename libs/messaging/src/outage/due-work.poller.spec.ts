import { DueWorkPoller } from './due-work.poller';
import { InfrastructureOutages } from './infrastructure.outages';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('DueWorkPoller', () => {
  const outages = new InfrastructureOutages();
  let poller: DueWorkPoller | undefined;
  afterEach(() => poller?.stop());

  const start = (processNext: () => Promise<boolean>, workers = 1) => {
    poller = new DueWorkPoller(outages, { name: 'test poller', workers, pollMs: 20, processNext });
    poller.start();
  };
  const until = async (condition: () => boolean) => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  it('works off every due item, then keeps polling for new ones', async () => {
    let due = 3;
    const done: number[] = [];
    start(async () => (due > 0 ? (done.push(due--), true) : false));
    await until(() => done.length === 3);
    due = 1;
    await until(() => done.length === 4);
    expect(done).toEqual([3, 2, 1, 1]);
  });

  it('waits out an outage without losing the item, and reports it meanwhile', async () => {
    let failures = 2;
    const done: string[] = [];
    start(async () => {
      if (failures > 0) {
        failures--;
        throw refused();
      }
      if (done.length === 0) done.push('item');
      return false;
    });
    await until(() => outages.snapshot()['test poller'] !== undefined);
    expect(outages.snapshot()['test poller']).toMatchObject({ dependency: 'postgres' });
    expect(done).toEqual([]);
    await until(() => done.length === 1);
    await until(() => outages.snapshot()['test poller'] === undefined);
  });

  it('survives a failing item and polls again', async () => {
    let calls = 0;
    start(async () => {
      calls++;
      if (calls === 1) throw new RangeError('a bug in one item');
      return false;
    });
    await until(() => calls >= 3);
  });

  it('runs the configured number of workers side by side, and stop() waits for the items in hand', async () => {
    let inFlight = 0;
    let most = 0;
    let finished = 0;
    start(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 30));
      inFlight--;
      finished++;
      return true;
    }, 3);
    await until(() => most === 3);
    await poller?.stop();
    expect(inFlight).toBe(0);
    const after = finished;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(finished).toBe(after);
  });

  it('with sleepFirst, waits an interval before the first poll, and stop() wakes it', async () => {
    let polls = 0;
    const processNext = async () => (polls++, false);
    poller = new DueWorkPoller(outages, { name: 'slow', workers: 1, pollMs: 600_000, sleepFirst: true, processNext });
    poller.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(polls).toBe(0);
    await poller.stop(); // within the test's timeout, far below the ten-minute interval

    poller = new DueWorkPoller(outages, { name: 'fast', workers: 1, pollMs: 20, sleepFirst: true, processNext });
    poller.start();
    await until(() => polls === 1);
  }, 5000);
});
