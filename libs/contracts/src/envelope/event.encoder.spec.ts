import { create } from '@bufbuild/protobuf';
import { aSampleEventOf } from '../../test/sample-event.builder';
import { CaseOpenedSchema } from '../messages';
import { Topics } from '../topics';
import { encodeEvent } from './event.encoder';
import { ContractViolationError, ContractViolationReason } from './contract-violation.error';

const source = 'urn:nps:service:contracts-test';

function refusal(encode: () => unknown): ContractViolationError {
  try {
    encode();
  } catch (error) {
    if (error instanceof ContractViolationError) return error;
    throw error;
  }
  throw new Error('expected the event to be refused');
}

describe('encodeEvent', () => {
  it('keys customer events by customer_id and case events by case_id', () => {
    const response = aSampleEventOf(Topics.ResponseReceived, { customerId: 'customer-42' });
    const opened = aSampleEventOf(Topics.CaseOpened, { caseId: 'case-7', customerId: 'customer-42' });

    expect(encodeEvent(Topics.ResponseReceived, response, { source }).key).toBe('customer-42');
    expect(encodeEvent(Topics.CaseOpened, opened, { source }).key).toBe('case-7');
  });

  it('accepts a plain init object as well as a created message', () => {
    const init = {
      eventId: '0b8e2c6e-8f4e-4a43-9c55-5b7e0f0a1c01',
      occurredAt: { seconds: 1n },
      customerId: 'customer-1',
      score: 3,
    };

    expect(encodeEvent(Topics.ResponseReceived, init, { source }).headers.ce_time).toBe('1970-01-01T00:00:01Z');
  });

  it.each([
    [
      'an empty key field',
      () =>
        encodeEvent(Topics.ResponseReceived, aSampleEventOf(Topics.ResponseReceived, { customerId: '' }), { source }),
      ContractViolationReason.MissingKey,
      /customer_id is empty/,
    ],
    [
      'an empty case id',
      () => encodeEvent(Topics.CaseClosed, aSampleEventOf(Topics.CaseClosed, { caseId: '' }), { source }),
      ContractViolationReason.MissingKey,
      /case_id is empty/,
    ],
    [
      'an empty event id',
      () => encodeEvent(Topics.ResponseScored, aSampleEventOf(Topics.ResponseScored, { eventId: '' }), { source }),
      ContractViolationReason.MissingEventId,
      /event_id/,
    ],
    [
      'no occurred_at',
      () =>
        encodeEvent(Topics.SurveyFailed, aSampleEventOf(Topics.SurveyFailed, { occurredAt: undefined }), { source }),
      ContractViolationReason.MissingOccurredAt,
      /occurred_at/,
    ],
    [
      'an impossible occurred_at',
      () =>
        encodeEvent(
          Topics.SurveyFailed,
          aSampleEventOf(Topics.SurveyFailed, { occurredAt: { seconds: 1n, nanos: -5 } }),
          { source },
        ),
      ContractViolationReason.InvalidOccurredAt,
      /occurred_at/,
    ],
    [
      'an empty source',
      () => encodeEvent(Topics.CaseOpened, aSampleEventOf(Topics.CaseOpened), { source: '' }),
      ContractViolationReason.MissingSource,
      /source/,
    ],
    [
      'a message of another topic',
      () =>
        encodeEvent(Topics.ResponseReceived, create(CaseOpenedSchema, { eventId: 'x', customerId: 'c' }) as never, {
          source,
        }),
      ContractViolationReason.WrongMessageType,
      /nps\.v1\.CaseOpened/,
    ],
  ])('refuses %s', (_, encode, reason, detail) => {
    const error = refusal(encode);

    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(detail);
  });
});
