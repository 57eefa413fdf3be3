import { loadEnv } from '@nps/config';
import { HttpReceiver, standardWebhookSignatureValid } from '@nps/testing';
import { CaseManagementEnv } from '../src/case-management.env';
import { NotificationSenders, type PendingNotification } from '../src/notifications/notification.senders';

// Issue 13, item 5: a team's webhook URL is typed in by a team admin and cannot be pointed inside.
// The real sender over real sockets, configured as in production (no private networks).
describe('team webhook notifications', () => {
  let receiver: HttpReceiver;
  let target: HttpReceiver;
  const senders: NotificationSenders[] = [];
  const sender = (env: Record<string, string> = {}) => {
    const created = new NotificationSenders(loadEnv(CaseManagementEnv, env));
    senders.push(created);
    return created;
  };
  const notification = (target: string): PendingNotification => ({
    id: 1,
    caseId: 'case-1',
    recipientId: 'alice',
    channel: 'webhook',
    target,
    kind: 'case-assigned',
    subject: 'New case',
    body: 'A detractor needs a call',
  });
  const errorOf = (call: Promise<void>) =>
    call.then(
      () => 'delivered',
      (error: Error) => error.message,
    );

  beforeAll(async () => {
    [receiver, target] = await Promise.all([HttpReceiver.start(), HttpReceiver.start()]);
  });

  afterAll(async () => {
    await Promise.all(senders.map((created) => created.onApplicationShutdown()));
    await Promise.all([receiver?.stop(), target?.stop()]);
  });

  it.each([
    ['127.0.0.1', () => receiver.url('/hook'), /^refused: the host is a loopback address/],
    ['localhost', () => receiver.url('/hook', 'localhost'), /^refused: the host resolves to a loopback address/],
    ['10.0.0.1', () => 'http://10.0.0.1/hook', /^refused: the host is a private network address/],
    ['169.254.169.254', () => 'http://169.254.169.254/latest/meta-data/', /^refused: the host is a cloud metadata/],
  ])('refuses a webhook to %s', async (_name, url, refusal) => {
    expect(await errorOf(sender().send(notification(url())))).toMatch(refusal);
  });

  it('refuses plain http when only https is allowed, and hosts outside OUTBOUND_ALLOWED_HOSTS', async () => {
    const strict = sender({ OUTBOUND_ALLOWED_SCHEMES: 'https', OUTBOUND_ALLOWED_HOSTS: 'hooks.slack.com' });
    expect(await errorOf(strict.send(notification('http://hooks.slack.com/services/x')))).toMatch(/scheme "http"/);
    expect(await errorOf(strict.send(notification('https://hooks.example.com/x')))).toMatch(/OUTBOUND_ALLOWED_HOSTS/);
  });

  it('and the receiver saw not one connection', () => {
    expect(receiver.connections).toBe(0);
  });

  it('with private networks allowed (tests, development), delivers, but reports a redirect as a failure without following it', async () => {
    const open = sender({ OUTBOUND_ALLOW_PRIVATE_NETWORKS: 'true' });
    expect(await errorOf(open.send(notification(receiver.url('/hook'))))).toBe('delivered');
    const delivered = receiver.requests.at(-1);
    const secret = loadEnv(CaseManagementEnv, {}).NOTIFY_WEBHOOK_SECRET;
    expect(standardWebhookSignatureValid(secret, delivered?.headers ?? {}, delivered?.body ?? '')).toBe(true);
    expect(standardWebhookSignatureValid('whsec_b3RoZXI=', delivered?.headers ?? {}, delivered?.body ?? '')).toBe(
      false,
    );

    receiver.respondWith({ status: 302, headers: { location: target.url('/internal') }, body: 'moved to /internal' });
    expect(await errorOf(open.send(notification(receiver.url('/hook'))))).toBe('HTTP 302: redirects are not followed');
    receiver.respondWith({ status: 500, body: 'stack trace of the receiver' });
    expect(await errorOf(open.send(notification(receiver.url('/hook'))))).toBe('webhook answered 500');
    expect(target.connections).toBe(0);
  });
});
