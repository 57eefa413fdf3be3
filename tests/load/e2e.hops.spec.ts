import { hopLatencies } from './e2e.hops';

describe('hopLatencies', () => {
  const times = (entries: [string, number][]) => new Map(entries);

  it("splits each detractor's time to its case at the publish times of the events between the services", () => {
    const hops = hopLatencies({
      sent: times([
        ['a', 1000],
        ['b', 2000],
      ]),
      received: times([
        ['a', 1040],
        ['b', 2010],
      ]),
      identified: times([
        ['a', 1100],
        ['b', 2210],
      ]),
      opened: times([
        ['a', 1130],
        ['b', 2215],
      ]),
    });
    expect(hops).toEqual({
      ingestion: { p50Ms: 10, p99Ms: 40 },
      scoring: { p50Ms: 60, p99Ms: 200 },
      caseManagement: { p50Ms: 5, p99Ms: 30 },
    });
  });

  it('fails when an event of a detractor was never read', () => {
    expect(() =>
      hopLatencies({
        sent: times([['a', 1000]]),
        received: times([]),
        identified: times([['a', 1100]]),
        opened: times([['a', 1130]]),
      }),
    ).toThrow('no hop time for detractor a');
  });
});
