import { createServer, type Server } from 'node:http';
import { expectEventually, freePort, serviceBed } from '@nps/testing';

// With OTEL_EXPORTER_OTLP_ENDPOINT set, a service exports its traces over OTLP/HTTP.
describe('OpenTelemetry export', () => {
  const received: { path: string; bytes: number }[] = [];
  let collector: Server;
  const bed = serviceBed({ service: 'response-ingestion', autoStart: false });

  beforeAll(async () => {
    const collectorPort = await freePort();
    collector = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (chunk: Buffer) => (bytes += chunk.length));
      req.on('end', () => {
        received.push({ path: req.url ?? '', bytes });
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      });
    });
    await new Promise<void>((resolve) => collector.listen(collectorPort, '127.0.0.1', resolve));
    await bed.start({
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${collectorPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '200',
    });
  }, 120000);

  afterAll(async () => {
    await new Promise((resolve) => collector.close(resolve));
  });

  it('sends the spans of an HTTP request to the collector', async () => {
    await fetch(`${bed.url}/health/live`);
    await expectEventually(
      () => {
        const traces = received.filter((r) => r.path === '/v1/traces');
        expect(traces.length).toBeGreaterThan(0);
        expect(traces[0].bytes).toBeGreaterThan(0);
      },
      { timeoutMs: 20000 },
    );
  });
});
