import { HttpReceiver } from '@nps/testing';
import { createServer, type Server } from 'node:net';
import { type HostResolver, OutboundClient, OutboundError, OutboundPolicy, type OutboundPolicyOptions } from '../src';

const client = (options: Partial<OutboundPolicyOptions> = {}, resolver?: HostResolver) =>
  new OutboundClient(
    new OutboundPolicy({
      allowedSchemes: ['https', 'http'],
      allowedHosts: [],
      allowPrivateNetworks: false,
      ...options,
    }),
    { resolver, connectTimeoutMs: 2000 },
  );
const post = (outbound: OutboundClient, url: string, timeoutMs = 3000) =>
  outbound.post(url, { headers: { 'content-type': 'application/json' }, body: '{"probe":1}', timeoutMs });
/** The OutboundError a call failed with. */
const failureOf = async (call: Promise<unknown>): Promise<OutboundError> => {
  const error = await call.then(
    () => new Error('the call went through'),
    (failed: unknown) => failed,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return error as OutboundError;
};

// Issue 13, item 5: webhooks and gateways cannot be pointed inside. Real sockets, a real receiver
// on 127.0.0.1 that counts every TCP connection it accepts.
describe('OutboundClient', () => {
  let receiver: HttpReceiver;
  let port: string;
  const clients: OutboundClient[] = [];
  const tracked = (outbound: OutboundClient) => (clients.push(outbound), outbound);

  beforeAll(async () => {
    receiver = await HttpReceiver.start();
    port = new URL(receiver.url()).port;
  });

  afterAll(async () => {
    await Promise.all(clients.map((outbound) => outbound.close()));
    await receiver?.stop();
  });

  describe('by default (no private networks)', () => {
    const strict = tracked(client());

    it.each([
      ['127.0.0.1', (port: string) => `http://127.0.0.1:${port}/hook`, /is a loopback address/],
      ['localhost', (port: string) => `http://localhost:${port}/hook`, /resolves to a loopback address/],
      ['[::1]', (port: string) => `http://[::1]:${port}/hook`, /is a loopback address/],
      ['IPv4-mapped [::ffff:127.0.0.1]', (port: string) => `http://[::ffff:127.0.0.1]:${port}/`, /loopback/],
      ['decimal 2130706433', (port: string) => `http://2130706433:${port}/`, /loopback/],
      ['0.0.0.0', (port: string) => `http://0.0.0.0:${port}/`, /unspecified/],
      ['10.0.0.1', () => 'http://10.0.0.1/hook', /private network/],
      ['192.168.1.1', () => 'https://192.168.1.1/hook', /private network/],
      ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', /cloud metadata/],
      ['[fd00:ec2::254]', () => 'http://[fd00:ec2::254]/latest/meta-data/', /cloud metadata/],
    ])('refuses %s before connecting', async (_name, url, reason) => {
      const error = await failureOf(post(strict, url(port)));
      expect(error.failure).toBe('refused');
      expect(error.message).toMatch(reason);
    });

    it('refuses a name whose DNS answer, at connect time, is loopback or mixes in a loopback address', async () => {
      const answers: Record<string, string[]> = {
        'hooks.customer.example': ['127.0.0.1'],
        'mixed.customer.example': ['93.184.215.14', '127.0.0.1'],
      };
      const dns = tracked(client({}, async (host) => (answers[host] ?? []).map((address) => ({ address, family: 4 }))));
      for (const host of Object.keys(answers)) {
        const error = await failureOf(post(dns, `http://${host}:${port}/hook`));
        expect(error).toMatchObject({ failure: 'refused', message: expect.stringMatching(/resolves to a loopback/) });
      }
    });

    it('checks every connection again: a name that answered a public address first and loopback next (DNS rebinding) is refused', async () => {
      let lookups = 0;
      const rebinding = tracked(
        client({}, async () => [{ address: lookups++ === 0 ? '1.1.1.1' : '127.0.0.1', family: 4 }]),
      );
      // The first answer is public: the client really tries it (there is nothing on 1.1.1.1:<port>).
      const first = await failureOf(post(rebinding, `http://rebind.customer.example:${port}/hook`, 1500));
      expect(first.failure).not.toBe('refused');
      const second = await failureOf(post(rebinding, `http://rebind.customer.example:${port}/hook`));
      expect(second.failure).toBe('refused');
      expect(lookups).toBe(2);
    });

    it('and the receiver on 127.0.0.1 saw not one connection', () => {
      expect(receiver.connections).toBe(0);
    });
  });

  describe('with an allow-listed host that redirects', () => {
    let redirector: HttpReceiver;
    let target: HttpReceiver;

    beforeAll(async () => {
      [redirector, target] = await Promise.all([HttpReceiver.start(), HttpReceiver.start()]);
    });

    afterAll(async () => {
      await Promise.all([redirector?.stop(), target?.stop()]);
    });

    it.each([301, 302, 303, 307, 308])('reports a %i as a failure and never follows it', async (status) => {
      // Private networks are on, so the loopback target would be reachable: only "no redirects" stops it.
      const outbound = tracked(
        client({ allowPrivateNetworks: true, allowedHosts: ['hooks.partner.example'] }, async () => [
          { address: '127.0.0.1', family: 4 },
        ]),
      );
      redirector.respondWith({ status, headers: { location: target.url('/internal', 'localhost') } });
      const hook = `http://hooks.partner.example:${new URL(redirector.url()).port}/hook`;

      const error = await failureOf(post(outbound, hook));

      expect(error).toMatchObject({
        failure: 'redirect',
        status,
        message: `HTTP ${status}: redirects are not followed`,
      });
      expect(redirector.requests.at(-1)?.path).toBe('/hook');
      expect(target.connections).toBe(0);
    });
  });

  describe('with private networks allowed (development, tests)', () => {
    const open = tracked(client({ allowPrivateNetworks: true }));

    it('delivers to a loopback receiver and answers its status, never its body', async () => {
      receiver.respondWith({ status: 400, body: 'internal stack trace: db password hunter2' });
      const answer = await post(open, receiver.url('/hook'));
      expect(answer).toEqual({ status: 400 });
      expect(receiver.requests.at(-1)).toMatchObject({ method: 'POST', path: '/hook', body: '{"probe":1}' });
    });

    it('still refuses cloud metadata and link-local addresses', async () => {
      for (const url of ['http://169.254.169.254/', 'http://[fd00:ec2::254]/', 'http://169.254.10.1/']) {
        expect((await failureOf(post(open, url))).failure).toBe('refused');
      }
    });

    it('refuses a scheme that is not allowed, before connecting', async () => {
      const httpsOnly = tracked(client({ allowPrivateNetworks: true, allowedSchemes: ['https'] }));
      const before = receiver.connections;
      const error = await failureOf(post(httpsOnly, receiver.url('/hook')));
      expect(error.message).toBe('refused: the scheme "http" is not allowed (OUTBOUND_ALLOWED_SCHEMES)');
      expect(receiver.connections).toBe(before);
    });

    it('names a closed port unreachable and a silent server a timeout', async () => {
      const silent: Server = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/`;
      try {
        const timedOut = await failureOf(post(open, silentUrl, 500));
        expect(timedOut).toMatchObject({ failure: 'timeout', message: 'timed out' });
      } finally {
        silent.close();
      }
      const refused = await failureOf(post(open, silentUrl));
      expect(refused).toMatchObject({ failure: 'unreachable', message: 'unreachable (ECONNREFUSED)' });
    });
  });
});
