import { createServer, type Server } from 'node:http';
import { Topics } from '@nps/contracts';
import { groupIdOf } from '@nps/messaging';
import { anEvent, expectEventually, freePort, serviceBed } from '@nps/testing';
import { LEDGER } from '../fixtures/ledger/ledger.definition';

interface OtlpGauge {
  name: string;
  gauge?: {
    dataPoints: { asInt?: string; asDouble?: number; attributes: { key: string; value: { stringValue?: string } }[] }[];
  };
}

// The consumer group's lag shows in readiness details and as an OpenTelemetry metric.
describe('consumer lag', () => {
  const bed = serviceBed({ service: LEDGER, autoStart: false });
  const exported: OtlpGauge[] = [];
  let collector: Server;

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/v1/metrics') {
          const payload = JSON.parse(body);
          for (const resource of payload.resourceMetrics ?? [])
            for (const scope of resource.scopeMetrics ?? []) exported.push(...(scope.metrics ?? []));
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await new Promise((resolve) => collector.close(resolve));
  });

  it('counts the records a stuck consumer has not processed', async () => {
    const topicPrefix = bed.topicPrefix;
    const address = collector.address();
    const collectorPort = typeof address === 'object' && address ? address.port : await freePort();
    const started = await bed.start({
      HANG_ON: 'stuck',
      CONSUMER_LAG_INTERVAL_MS: '300',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_METRIC_EXPORT_INTERVAL: '500',
    });
    const ledger = started.process;
    const events = ['stuck', ...Array.from({ length: 20 }, (_, i) => `e${i}`)].map((comment) =>
      anEvent(Topics.ResponseReceived, { customerId: 'c-1', comment }),
    );
    await bed.publish(Topics.ResponseReceived, events);
    await ledger.waitForOutput('hanging on stuck');

    await expectEventually(async () => {
      const ready = (await (await fetch(`${started.url}/health/ready`)).json()) as {
        info: { kafka: { lag: Record<string, number> } };
      };
      // The ledger also reads the customer topic, where nothing waits: 0 once its offsets are known.
      const { [Topics.ResponseReceived.name]: stuck, ...others } = ready.info.kafka.lag;
      expect(stuck).toBe(21);
      expect(Object.values(others).filter((lag) => lag !== 0)).toEqual([]);
    });
    await expectEventually(
      () => {
        // One gauge per partition: the latest export's points of the topic add up to the group's lag.
        const latest = exported.filter((m) => m.name === 'nps.consumer.lag').at(-1);
        const points = (latest?.gauge?.dataPoints ?? []).filter((point) =>
          point.attributes.some((a) => a.key === 'topic' && a.value.stringValue === Topics.ResponseReceived.name),
        );
        expect(points).toHaveLength(Topics.ResponseReceived.partitions);
        expect(points.reduce((sum, point) => sum + Number(point.asInt ?? point.asDouble), 0)).toBe(21);
        expect(points[0].attributes).toEqual(
          expect.arrayContaining([
            { key: 'group', value: { stringValue: groupIdOf('ledger', topicPrefix) } },
            { key: 'partition', value: expect.objectContaining({ stringValue: expect.any(String) }) },
          ]),
        );
      },
      { timeoutMs: 20000 },
    );
  });
});
