import { signWebhook, webhookHeaders } from './webhook.signature';

describe('Standard Webhooks signature', () => {
  // The worked example of the Standard Webhooks specification (and its reference libraries).
  it('matches the reference vector', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('puts id, timestamp and signature into the headers', () => {
    const headers = webhookHeaders('whsec_c2VjcmV0', 'n-1', 1700000000, '{}');
    expect(headers['webhook-id']).toBe('n-1');
    expect(headers['webhook-timestamp']).toBe('1700000000');
    expect(headers['webhook-signature']).toBe(signWebhook('whsec_c2VjcmV0', 'n-1', 1700000000, '{}'));
  });
});
