import type { MessagingSettings } from '../messaging.settings';
import { ConsumerLagMonitor, lagFailureLevel, SETTLING_GRACE_MS } from './consumer-lag.monitor';

describe('lagFailureLevel', () => {
  it('keeps a coordinator or leader still settling at debug while it is young', () => {
    expect(lagFailureLevel('Failed to find group coordinator', 0)).toBe('debug');
    expect(lagFailureLevel('There is no leader for this topic-partition', SETTLING_GRACE_MS - 1)).toBe('debug');
  });

  it('warns once the same kind of failure has lasted the grace period: an outage, not a settling broker', () => {
    expect(lagFailureLevel('Failed to find group coordinator', SETTLING_GRACE_MS)).toBe('warn');
  });

  it('warns at once for anything else', () => {
    expect(lagFailureLevel('Connection error: connect ECONNREFUSED 127.0.0.1:9092', 0)).toBe('warn');
  });
});

describe('ConsumerLagMonitor', () => {
  it('keeps the age of the last measurement growing while measurements fail', async () => {
    const monitor = new ConsumerLagMonitor({ brokers: '127.0.0.1:1', clientId: 'lag-age-spec' }, {
      groupId: 'lag-age-spec',
      lagIntervalMs: 60_000,
    } as MessagingSettings);
    try {
      const watchedAt = Date.now();
      jest.spyOn(Date, 'now').mockReturnValue(watchedAt);
      monitor.watch(['nps.response.received.v1']);
      jest.spyOn(Date, 'now').mockReturnValue(watchedAt + 30_000);
      expect(await monitor.refresh()).toEqual({});
      expect(monitor.ageSeconds()).toBe(30);
    } finally {
      jest.restoreAllMocks();
      await monitor.onApplicationShutdown();
    }
  });
});
