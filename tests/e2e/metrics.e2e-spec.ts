import { randomBytes } from 'node:crypto';
import { Topics } from '@nps/contracts';
import {
  anEvent,
  expectEventually,
  freshTopicPrefix,
  serviceBed,
  type ServiceName,
  PLATFORM_SERVICES,
} from '@nps/testing';

const SERVICES = PLATFORM_SERVICES;

/** The value of every sample of `name` whose labels include `labels`, summed; undefined when none is exposed. */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let sum: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) sum = (sum ?? 0) + Number(match[3]);
  }
  return sum;
}

// Every service serves its OpenTelemetry metrics at GET /metrics on its HTTP port, in Prometheus
// text format and without credentials, and the platform's own metrics move as events flow.
describe('Prometheus metrics', () => {
  const topicPrefix = freshTopicPrefix();
  const env = { CONSUMER_LAG_INTERVAL_MS: '500', SLA_WATCH_INTERVAL_MS: '100' };
  const beds = Object.fromEntries(
    SERVICES.map((name) => [name, serviceBed({ service: name, topicPrefix, env, autoStart: false })]),
  ) as Record<ServiceName, ReturnType<typeof serviceBed>>;
  const scrape = async (name: ServiceName) => {
    const response = await fetch(`${beds[name].url}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    // Scoring's first instance relays nothing, so its outbox fills up until a second one starts.
    await Promise.all(
      SERVICES.map((name) => beds[name].start(name === 'scoring' ? { OUTBOX_RELAY_ENABLED: 'false' } : {})),
    );
  }, 180000);

  it('serves each service metrics without credentials, in Prometheus text format', async () => {
    for (const name of SERVICES) {
      await fetch(`${beds[name].url}/health/live`);
      const response = await fetch(`${beds[name].url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      await expectEventually(async () => {
        const text = await scrape(name);
        expect(sampleSum(text, 'nps_consumer_lag')).toBeGreaterThanOrEqual(0);
        // Measured every 500 ms here: its age stays near 0 while the broker answers.
        expect(sampleSum(text, 'nps_consumer_lag_age_seconds')).toBeLessThanOrEqual(5);
        expect(sampleSum(text, 'nps_dead_letters_total')).toBe(0);
        expect(sampleSum(text, 'nps_outbox_depth')).toBeGreaterThanOrEqual(0);
        expect(sampleSum(text, 'nps_events_processed_total')).toBeGreaterThanOrEqual(0);
        // RED per route, from the OpenTelemetry HTTP instrumentation: the route pattern, never the URL.
        const live = { http_route: '/health/live', http_response_status_code: '200' };
        expect(sampleSum(text, 'http_server_request_duration_count', live)).toBeGreaterThanOrEqual(1);
        expect(sampleSum(text, 'http_server_request_duration_bucket', { ...live, le: '+Inf' })).toBeGreaterThanOrEqual(
          1,
        );
        // The runtime's and the pg pool's own metrics (docs/observability.md).
        for (const prefix of ['nodejs_eventloop_', 'v8js_', 'db_client_'])
          expect(text.split('\n').some((line) => line.startsWith(prefix))).toBe(true);
      });
    }
  });

  it('counts refused requests per route and status', async () => {
    expect((await fetch(`${beds['case-management'].url}/cases`)).status).toBe(401);
    const refused = { http_route: '/cases', http_response_status_code: '401' };
    await expectEventually(async () =>
      expect(sampleSum(await scrape('case-management'), 'http_server_request_duration_count', refused)).toBe(1),
    );
  });

  it('counts processed and dead-lettered events, and shows the outbox fill and drain', async () => {
    const received = { topic: Topics.ResponseReceived.name };
    const before = await scrape('scoring');
    const processedBefore = sampleSum(before, 'nps_events_processed_total', { ...received, outcome: 'processed' }) ?? 0;
    const detractors = Array.from({ length: 5 }, () => anEvent(Topics.ResponseReceived, { score: 2 }));
    await beds.scoring.publish(Topics.ResponseReceived, detractors);
    await beds.scoring.publishRecords([
      { topic: Topics.ResponseReceived.name, message: { key: 'poison', value: randomBytes(64), headers: {} } },
    ]);

    await expectEventually(
      async () => {
        const text = await scrape('scoring');
        expect(sampleSum(text, 'nps_events_processed_total', { ...received, outcome: 'processed' })).toBe(
          processedBefore + 5,
        );
        expect(sampleSum(text, 'nps_events_processed_total', { ...received, outcome: 'dead_lettered' })).toBe(1);
        expect(sampleSum(text, 'nps_dead_letters_total', received)).toBe(1);
        // Nothing relays yet: what the five detractors published waits in the outbox.
        expect(sampleSum(text, 'nps_outbox_depth')).toBeGreaterThanOrEqual(5);
      },
      { timeoutMs: 30000 },
    );

    await beds.scoring.start();
    await expectEventually(async () => expect(sampleSum(await scrape('scoring'), 'nps_outbox_depth')).toBe(0), {
      timeoutMs: 30000,
    });
  });

  it('counts the cases case-management opens and the SLA breaches it escalates', async () => {
    const cases = beds['case-management'];
    const openedBefore = sampleSum(await scrape('case-management'), 'nps_cases_opened_total') ?? 0;
    const detractor = anEvent(Topics.DetractorIdentified, {});
    await cases.publish(Topics.DetractorIdentified, [detractor]);
    const caseId = await expectEventually(async () => {
      const [row] = await cases.rows<{ id: string }>('SELECT id FROM $schema.cases WHERE response_id = $1', [
        detractor.responseId,
      ]);
      expect(row).toBeDefined();
      return row.id;
    });
    await expectEventually(async () =>
      expect(sampleSum(await scrape('case-management'), 'nps_cases_opened_total')).toBeGreaterThanOrEqual(
        openedBefore + 1,
      ),
    );

    const breachesBefore = sampleSum(await scrape('case-management'), 'nps_sla_breaches_total') ?? 0;
    // Time passing: the first-contact deadline moves into the past, as the clock would move it.
    await cases.rows(`UPDATE $schema.cases SET first_contact_due_at = now() - interval '1 minute' WHERE id = $1`, [
      caseId,
    ]);
    await expectEventually(async () =>
      expect(
        sampleSum(await scrape('case-management'), 'nps_sla_breaches_total', { deadline: 'first_contact' }),
      ).toBeGreaterThanOrEqual(breachesBefore + 1),
    );
  });
});
