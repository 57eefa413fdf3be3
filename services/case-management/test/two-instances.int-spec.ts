import { randomUUID } from 'node:crypto';
import { Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import { anEvent, expectEventually, partitionsOfInstances, serviceBed } from '@nps/testing';
import { opsIssuer } from './support/ops-api.client';
import { setUpTeam } from './support/ops.fixtures';

const DETRACTORS = 1000;
const CUSTOMERS = 200;
const MEMBERS = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'];

// Two running instances share the consumer group, the schema and the members: every detractor
// opens exactly one case, and the per-team lock keeps the members' loads within one of each other.
describe('two instances consuming 1,000 detractors with 10% redelivered', () => {
  const bed = serviceBed({
    service: 'case-management',
    env: { CONSUMER_PARTITIONS_CONCURRENTLY: '3', SLA_WATCH_ENABLED: 'false' },
    autoStart: false,
  });
  const issuer = opsIssuer();

  // Both instances start before the test: their start-up is not what it measures.
  beforeAll(async () => {
    await bed.start(issuer.env);
    await setUpTeam(bed.url, await issuer.token('adam'), {
      id: 'load-team',
      members: MEMBERS.map((id) => ({ id })),
      rule: { id: 'load', position: 1, conditions: { regions: ['load'] } },
    });
    await bed.start(issuer.env);
  }, 180000);

  it('open exactly 1,000 cases, assign each once, and keep every member within 1 of the others', async () => {
    // Both instances are in the consumer group and hold partitions before anything is produced.
    await partitionsOfInstances(bed, groupIdOf('case-management', bed.topicPrefix), [Topics.DetractorIdentified]);

    const detractors = Array.from({ length: DETRACTORS }, (_, i) =>
      anEvent(Topics.DetractorIdentified, {
        customerId: `load-customer-${i % CUSTOMERS}`,
        customer: { region: 'load' },
      }),
    );
    // 5% the very same event again (a redelivery), 5% another event about the same response (a replay upstream).
    const sameEvent = detractors.filter((_, i) => i % 20 === 0);
    const sameResponse = detractors
      .filter((_, i) => i % 20 === 10)
      .map((event) => ({ ...event, eventId: randomUUID() }));
    const all = [...detractors, ...sameEvent, ...sameResponse];
    expect(all).toHaveLength(DETRACTORS * 1.1);
    for (let i = 0; i < all.length; i += 100) await bed.publish(Topics.DetractorIdentified, all.slice(i, i + 100));

    const distinctEvents = new Set(all.map((event) => event.eventId)).size;
    await expectEventually(
      async () => {
        const [{ n }] = await bed.rows<{ n: number }>(`SELECT count(*)::int AS n FROM $schema.inbox WHERE topic = $1`, [
          Topics.DetractorIdentified.name,
        ]);
        expect(n).toBe(distinctEvents);
      },
      { timeoutMs: 90000, intervalMs: 500 },
    );

    const [{ cases, responses }] = await bed.rows<{ cases: number; responses: number }>(
      'SELECT count(*)::int AS cases, count(DISTINCT response_id)::int AS responses FROM $schema.cases',
    );
    expect({ cases, responses }).toEqual({ cases: DETRACTORS, responses: DETRACTORS });
    const assignedTwice = await bed.rows(
      `SELECT case_id FROM $schema.case_activities WHERE kind = 'assigned' GROUP BY case_id HAVING count(*) > 1`,
    );
    expect(assignedTwice).toEqual([]);
    const [{ assigned }] = await bed.rows<{ assigned: number }>(
      `SELECT count(DISTINCT case_id)::int AS assigned FROM $schema.case_activities WHERE kind = 'assigned'`,
    );
    expect(assigned).toBe(DETRACTORS);

    const loads = await bed.rows<{ owner_id: string; n: number }>(
      'SELECT owner_id, count(*)::int AS n FROM $schema.cases GROUP BY owner_id ORDER BY owner_id',
    );
    expect(loads.map((load) => load.owner_id)).toEqual(MEMBERS);
    const counts = loads.map((load) => load.n);
    const counters = await bed.rows<{ id: string; open_cases: number }>(
      'SELECT id, open_cases FROM $schema.members ORDER BY id',
    );
    expect(counters.map((m) => m.open_cases)).toEqual(counts);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  }, 180000);
});
