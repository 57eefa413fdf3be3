import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  expectEventually,
  freePort,
  freshSchema,
  freshTopicPrefix,
  testDatabaseUrl,
  testKafkaBrokers,
} from '@nps/testing';
import { IMAGE, podman } from './podman';

// The one image every service and the ops console run from (deploy/docker/Dockerfile, ADR 0025), run
// the way the chart runs it: read-only root filesystem, a writable /tmp only, as its non-root user.
const SERVICES = ['survey-dispatch', 'response-ingestion', 'scoring', 'root-cause-tagging', 'case-management'];
// No database and no Kafka: no migration; ready once its page is in the image and its upstreams live.
const CONSOLE = 'ops-console';
const READY_WITHIN_MS = 30000;
// podman's stop timeout: SIGTERM, then SIGKILL after this long. The service drains in SHUTDOWN_TIMEOUT_MS.
const DRAIN_SECONDS = 15;

beforeAll(async () => {
  await podman('image', 'exists', IMAGE).catch(() => {
    throw new Error(`no image ${IMAGE}: build it with npm run images`);
  });
  const bytes = Number(await podman('image', 'inspect', IMAGE, '--format', '{{.Size}}'));
  process.stdout.write(`\n${IMAGE}: ${Math.round(bytes / 1e6)} MB\n`);
});

it('declares a numeric non-root user, tini as PID 1 and its OCI labels', async () => {
  const config = JSON.parse(await podman('image', 'inspect', IMAGE, '--format', '{{json .Config}}')) as {
    User: string;
    Entrypoint: string[];
    Labels: Record<string, string>;
  };
  expect(config.User).toBe('1000:1000');
  expect(config.Entrypoint).toEqual(['/usr/bin/tini', '--']);
  expect(config.Labels).toMatchObject({
    'org.opencontainers.image.title': 'nps',
    'org.opencontainers.image.licenses': 'Apache-2.0',
    'org.opencontainers.image.source': expect.stringMatching(/^https:\/\//),
    'org.opencontainers.image.revision': expect.any(String),
  });
});

describe.each(SERVICES)('%s', (service) => {
  let namespace: string[];
  let container: string | undefined;

  beforeAll(async () => {
    const schema = await freshSchema(service.replace(/-/g, '_'));
    namespace = [
      ...['KAFKA_BROKERS', testKafkaBrokers(), 'DATABASE_URL', testDatabaseUrl(), 'DB_SCHEMA', schema],
      ...['KAFKA_TOPIC_PREFIX', freshTopicPrefix(), 'LOG_LEVEL', 'warn'],
    ];
  });

  afterEach(async () => {
    if (container) await podman('rm', '--force', '--ignore', container);
    container = undefined;
  });

  it('migrates with the command the chart gives its migration job', async () => {
    const output = await podman(
      ...['run', '--rm', '--network', 'host', '--read-only', '--tmpfs', '/tmp', ...envArgs(namespace)],
      ...['--entrypoint', 'node', IMAGE, `dist/services/${service}/src/cli.js`, 'migrate'],
    );
    expect(output).not.toMatch(/error/i);
  });

  it('is ready within 30 s, runs as non-root, and exits 0 on SIGTERM within the drain time', async () => {
    const name = `nps-image-${service}-${randomBytes(3).toString('hex')}`;
    container = name;
    await runsReadyAndStops(service, name, namespace);
  });
});

describe(CONSOLE, () => {
  let upstream: Server;
  let upstreamUrl: string;
  let container: string | undefined;

  // Stands in for case-management and scoring: the console's readiness asks their /health/live.
  beforeAll(async () => {
    upstream = createServer((req, res) => {
      res.writeHead(req.url === '/health/live' ? 200 : 404, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => upstream.close(() => resolve())));

  afterEach(async () => {
    if (container) await podman('rm', '--force', '--ignore', container);
    container = undefined;
  });

  it('holds the built page where the server looks for it', async () => {
    const files = await podman(
      ...['run', '--rm', '--read-only', '--tmpfs', '/tmp', '--entrypoint', 'ls', IMAGE],
      ...['dist/services/ops-console/web', 'dist/services/ops-console/src/main.js'],
    );
    expect(files).toMatch(/index\.html/);
    expect(files).toMatch(/assets/);
  });

  it('is ready within 30 s, serves its page and config, runs as non-root, and exits 0 on SIGTERM', async () => {
    const name = `nps-image-${CONSOLE}-${randomBytes(3).toString('hex')}`;
    container = name;
    const env = ['CASE_MANAGEMENT_URL', upstreamUrl, 'SCORING_URL', upstreamUrl, 'LOG_LEVEL', 'warn'];
    await runsReadyAndStops(CONSOLE, name, env, async (port) => {
      const page = await fetch(`http://127.0.0.1:${port}/cases/42`);
      expect(page.status).toBe(200);
      const html = await page.text();
      const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      expect((await fetch(`http://127.0.0.1:${port}${script}`)).status).toBe(200);
      const config = await (await fetch(`http://127.0.0.1:${port}/config.json`)).json();
      expect(config).toEqual(expect.objectContaining({ clientId: 'ops-console', audience: 'urn:nps:api' }));
    });
  });
});

/**
 * Starts `service` from the image as the chart does, waits for /health/ready 200 within 30 s, runs
 * `whileUp` against it, checks uid and tini, then stops it with SIGTERM: exit code 0 within the drain time.
 */
async function runsReadyAndStops(
  service: string,
  name: string,
  env: string[],
  whileUp: (port: number) => Promise<void> = async () => undefined,
): Promise<void> {
  const port = await freePort();
  const started = Date.now();
  await podman(
    ...['run', '--detach', '--name', name, '--network', 'host', '--read-only', '--tmpfs', '/tmp'],
    ...envArgs([...env, 'SERVICE', service, 'PORT', String(port)]),
    IMAGE,
  );
  await expectEventually(
    async () => {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
      expect(response?.status).toBe(200);
    },
    { timeoutMs: READY_WITHIN_MS, intervalMs: 250 },
  ).catch(async (error: Error) => {
    const logs = await podman('logs', '--tail', '40', name).catch(() => '');
    throw Object.assign(error, { message: `${error.message}\n${service}'s last log lines:\n${logs}` });
  });
  const readyMs = Date.now() - started;
  await whileUp(port);

  expect(await podman('exec', name, 'id', '-u')).not.toBe('0');
  // PID 1 is tini, and the service is its child.
  expect(await podman('exec', name, 'cat', '/proc/1/comm')).toBe('tini');

  const stopping = Date.now();
  await podman('stop', '--time', String(DRAIN_SECONDS), name);
  const stopMs = Date.now() - stopping;
  expect(await podman('inspect', name, '--format', '{{.State.ExitCode}}')).toBe('0');
  expect(stopMs).toBeLessThan(DRAIN_SECONDS * 1000);
  process.stdout.write(`${service}: ready after ${readyMs} ms, stopped after ${stopMs} ms\n`);
}

function envArgs(pairs: string[]): string[] {
  const args: string[] = [];
  for (let i = 0; i < pairs.length; i += 2) args.push('--env', `${pairs[i]}=${pairs[i + 1]}`);
  return args;
}
