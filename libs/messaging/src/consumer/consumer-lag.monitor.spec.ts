import { lagFailureLevel, SETTLING_GRACE_MS } from './consumer-lag.monitor';

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
