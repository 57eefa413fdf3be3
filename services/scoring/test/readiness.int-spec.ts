import { expectEventually, LocalKafka, type ServiceBed, startServiceBed } from '@nps/testing';

// Readiness follows the broker: 503 soon after it goes away, 200 once it is back, same process.
describe('scoring readiness against a broker that goes away', () => {
  let broker: LocalKafka;
  let bed: ServiceBed | undefined;
  let readyUrl: string;

  beforeAll(async () => {
    // A broker of its own: stopping the shared one would break the tests running beside this.
    broker = await LocalKafka.startDisposable();
    bed = await startServiceBed({ service: 'scoring', kafkaBrokers: broker.brokers });
    readyUrl = `${bed.url}/health/ready`;
  }, 180000);

  afterAll(async () => {
    await bed?.close();
    await broker?.dispose();
  });

  it('turns 503 within 10 s of the broker stopping and 200 again when it is back, without a restart', async () => {
    const service = bed?.process;
    const pid = service?.pid;
    await broker.stop();
    await expectEventually(
      async () => {
        const response = await fetch(readyUrl);
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({
          error: { kafka: { status: 'down' } },
          info: { postgres: { status: 'up' } },
        });
      },
      { timeoutMs: 10000, intervalMs: 250 },
    );

    await broker.start();
    await expectEventually(async () => expect((await fetch(readyUrl)).status).toBe(200), {
      timeoutMs: 60000,
      intervalMs: 500,
    });
    expect(service?.running).toBe(true);
    expect(service?.pid).toBe(pid);
  });
});
