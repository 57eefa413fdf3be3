import { expectEventually, GiveUpError } from './expect-eventually';

describe('expectEventually', () => {
  it('returns as soon as the assertion passes', async () => {
    let calls = 0;
    const result = await expectEventually(
      () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
        return 'done';
      },
      { intervalMs: 1 },
    );
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('fails with the last error once the time is up', async () => {
    await expect(expectEventually(() => expect(1).toBe(2), { timeoutMs: 30, intervalMs: 5 })).rejects.toThrow(
      /still failing after 30 ms/,
    );
  });

  it('fails at once, without retrying, when the assertion gives up', async () => {
    let calls = 0;
    const giveUp = () => {
      calls += 1;
      throw new GiveUpError('the process exited');
    };
    await expect(expectEventually(giveUp, { timeoutMs: 60000, intervalMs: 1 })).rejects.toThrow(/^the process exited$/);
    expect(calls).toBe(1);
  });
});
