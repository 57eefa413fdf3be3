import { SurveyFailureReason } from '@nps/contracts';
import { redact, smtpFailure } from './email.sender';

const smtpError = (fields: { code?: string; responseCode?: number; response?: string }, message = 'failed') =>
  Object.assign(new Error(message), fields);

describe('smtpFailure', () => {
  it.each([
    [
      'a 421 (try later) is transient',
      { code: 'EENVELOPE', responseCode: 421, response: '421 busy' },
      true,
      SurveyFailureReason.PROVIDER_UNAVAILABLE,
    ],
    [
      'a 452 mailbox full is transient',
      { code: 'EENVELOPE', responseCode: 452 },
      true,
      SurveyFailureReason.PROVIDER_UNAVAILABLE,
    ],
    ['connection refused is transient', { code: 'ESOCKET' }, true, SurveyFailureReason.PROVIDER_UNAVAILABLE],
    ['a timeout is transient', { code: 'ETIMEDOUT' }, true, SurveyFailureReason.PROVIDER_UNAVAILABLE],
    [
      '550 on the recipient is an invalid address',
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <anna@example.nl>: no such user' },
      false,
      SurveyFailureReason.INVALID_ADDRESS,
    ],
    [
      '554 on the message is a provider refusal',
      { code: 'EMESSAGE', responseCode: 554, response: '554 spam' },
      false,
      SurveyFailureReason.REJECTED_BY_PROVIDER,
    ],
    ['bad credentials are a provider refusal', { code: 'EAUTH' }, false, SurveyFailureReason.REJECTED_BY_PROVIDER],
  ])('%s', (_, fields, transient, reason) => {
    const failure = smtpFailure(smtpError(fields));

    expect(failure).toMatchObject({ transient, reason });
  });

  it('never repeats the address the server quoted', () => {
    const failure = smtpFailure(
      smtpError({
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 5.1.1 <anna@example.nl>: Recipient address rejected',
      }),
    );

    expect(failure.message).toBe('SMTP 550: 550 5.1.1 <<address>>: Recipient address rejected');
    expect(redact('to "bob.smith+nps@mail.example.com" failed')).toBe('to "<address>" failed');
  });
});
