import { nextPollMs } from './e2e.loop';

describe('the whole-loop bench polls its counts', () => {
  it('2 s apart while the end is more than 10 s away at the rate so far', () => {
    expect(nextPollMs(0.5, 20_000)).toBe(2000);
    expect(nextPollMs(0.6, 20_000)).toBe(2000);
  });

  it('500 ms apart near the end, before anything moved and once done', () => {
    expect(nextPollMs(0.7, 20_000)).toBe(500);
    expect(nextPollMs(0.95, 60_000)).toBe(500);
    expect([nextPollMs(0, 5_000), nextPollMs(1, 90_000)]).toEqual([500, 500]);
  });
});
