import { SurveyFailureReason, Topics } from '@nps/contracts';
import { anEvent, HttpReceiver, serviceBed } from '@nps/testing';
import { csvOf } from './customer-rows.csv';

interface SurveyRequestView {
  status: string;
  attempts: number;
  lastError: string | null;
}

// Issue 13, item 5: customer webhook URLs and the SMS gateway cannot be pointed inside. The service
// runs as in production (no private networks); a real receiver on 127.0.0.1 counts connections.
describe('survey delivery refuses internal addresses', () => {
  let receiver: HttpReceiver;
  const bed = serviceBed({ service: 'survey-dispatch', autoStart: false });
  const kafka = bed.probe(Topics.SurveyFailed, Topics.SurveyDispatched);
  const targets: [customer: string, url: () => string, refusal: RegExp][] = [
    ['loopback', () => receiver.url('/hook'), /^refused: the host is a loopback address/],
    ['localhost', () => receiver.url('/hook', 'localhost'), /^refused: the host resolves to a loopback address/],
    ['mapped', () => receiver.url('/hook', '[::ffff:127.0.0.1]'), /^refused: the host is a loopback address/],
    ['lan', () => 'http://10.0.0.1/hook', /^refused: the host is a private network address/],
    ['metadata', () => 'http://169.254.169.254/latest/meta-data/iam/', /^refused: the host is a cloud metadata/],
    ['metadata6', () => 'http://[fd00:ec2::254]/latest/meta-data/', /^refused: the host is a cloud metadata/],
  ];

  beforeAll(async () => {
    receiver = await HttpReceiver.start();
    await bed.start({
      OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'false',
      SMS_GATEWAY_URL: receiver.url('/sms'),
      QUIET_HOURS: 'off',
      SEND_MAX_ATTEMPTS: '3',
      SEND_RETRY_BACKOFF_MS: '200',
    });
    const imported = await bed.post(
      '/customers/import',
      csvOf([
        ...targets.map(([customer, url]) => ({ customer_id: customer, webhook_url: url() })),
        { customer_id: 'texter', phone: '+447700900456', preferred_channel: 'sms' },
      ]),
      { contentType: 'text/csv', token: await bed.clientToken('customers-writer') },
    );
    expect(imported.body).toMatchObject({ imported: targets.length + 1, rejected: 0 });
  }, 120000);

  afterAll(async () => {
    await receiver?.stop();
  });

  const touchpoint = (customerId: string) =>
    bed.publish(Topics.TouchpointRecorded, anEvent(Topics.TouchpointRecorded, { customerId }));

  it.each(targets)(
    'a webhook to %s fails at once as an invalid address, and says why',
    async (customer, _url, refusal) => {
      await touchpoint(customer);

      const [failed] = await kafka.eventually(Topics.SurveyFailed, (e) => e.customerId === customer);
      expect(failed.message).toMatchObject({ reason: SurveyFailureReason.INVALID_ADDRESS, attempts: 1 });
      expect(failed.message.detail).toMatch(refusal);
      const [request] = await bed.get<SurveyRequestView[]>(`/survey-requests?customerId=${customer}`, {
        token: await bed.tokenFor('adam'),
      });
      expect(request).toMatchObject({ status: 'failed', attempts: 1, lastError: failed.message.detail });
    },
  );

  it('an SMS gateway on loopback is refused the same way', async () => {
    await touchpoint('texter');

    const [failed] = await kafka.eventually(Topics.SurveyFailed, (e) => e.customerId === 'texter');
    expect(failed.message).toMatchObject({ reason: SurveyFailureReason.INVALID_ADDRESS, attempts: 1 });
    expect(failed.message.detail).toMatch(/^refused: the host is a loopback address/);
  });

  it('and nothing reached the receiver: not one connection, no survey dispatched', () => {
    expect(receiver.connections).toBe(0);
    expect(kafka.events(Topics.SurveyDispatched)).toHaveLength(0);
  });
});
