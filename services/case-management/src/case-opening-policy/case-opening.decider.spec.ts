import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { CaseSkipReason, Channel, Topics, ResponseSource } from '@nps/contracts';
import { anEvent } from '@nps/testing';
import fc from 'fast-check';
import { type CaseOpeningPolicySettings, DEFAULT_POLICY } from './case-opening-policy';
import { CaseOpeningDecider, holdoutDraw } from './case-opening.decider';

const NOW = new Date('2026-12-02T09:00:00Z');
const daysAgo = (days: number) => timestampFromDate(new Date(NOW.getTime() - days * 86_400_000));
const policy = (overrides: Partial<CaseOpeningPolicySettings> = {}) => ({ ...DEFAULT_POLICY, ...overrides });
const detractor = (overrides: Parameters<typeof anEvent<typeof Topics.DetractorIdentified.schema>>[1] = {}) =>
  anEvent(Topics.DetractorIdentified, {
    responseId: 'r-1',
    answeredAt: daysAgo(1),
    source: ResponseSource.SURVEY_PAGE,
    channel: Channel.EMAIL,
    ...overrides,
  });
// A response id the holdout draw puts low, and one it puts high (checked below).
const LOW = 'r-4';
const HIGH = 'r-7';

describe('CaseOpeningDecider', () => {
  it('has ids for the table whose draws lie where the table needs them', () => {
    expect(holdoutDraw(LOW)).toBeLessThan(0.2);
    expect(holdoutDraw(HIGH)).toBeGreaterThan(0.8);
  });

  it.each([
    ['a fresh survey answer', {}, policy(), null],
    ['an older producer (source unspecified)', { source: ResponseSource.UNSPECIFIED }, policy(), null],
    ['an answer of exactly the maximum age', { answeredAt: daysAgo(14) }, policy(), null],
    ['an answer without answered_at', { answeredAt: undefined }, policy(), null],
    ['an answer one day too old', { answeredAt: daysAgo(15) }, policy(), CaseSkipReason.ANSWER_TOO_OLD],
    ['an answer two years old', { answeredAt: daysAgo(730) }, policy(), CaseSkipReason.ANSWER_TOO_OLD],
    ['a fresh import', { source: ResponseSource.IMPORT }, policy(), CaseSkipReason.SOURCE_EXCLUDED],
    ['a fresh import, imports allowed', { source: ResponseSource.IMPORT }, policy({ excludedSources: [] }), null],
    [
      'an old import (age is checked first)',
      { source: ResponseSource.IMPORT, answeredAt: daysAgo(30) },
      policy(),
      CaseSkipReason.ANSWER_TOO_OLD,
    ],
    [
      'an old import asked to be followed up',
      { source: ResponseSource.IMPORT, answeredAt: daysAgo(730), followUpRequested: true },
      policy(),
      null,
    ],
    [
      'an excluded channel',
      { channel: Channel.SMS },
      policy({ excludedChannels: ['sms'] }),
      CaseSkipReason.CHANNEL_EXCLUDED,
    ],
    [
      'an unspecified channel with exclusions',
      { channel: Channel.UNSPECIFIED },
      policy({ excludedChannels: ['sms', 'email'] }),
      null,
    ],
    [
      'a follow-up request through an excluded channel',
      { channel: Channel.SMS, followUpRequested: true },
      policy({ excludedChannels: ['sms'] }),
      null,
    ],
    ['a recovery re-survey', { recoveryOfResponseId: 'r-0' }, policy(), CaseSkipReason.RECOVERY_SURVEY],
    [
      'a recovery re-survey asked to be followed up',
      { recoveryOfResponseId: 'r-0', followUpRequested: true },
      policy(),
      CaseSkipReason.RECOVERY_SURVEY,
    ],
    ['a low draw under a holdout', { responseId: LOW }, policy({ holdoutShare: 0.2 }), CaseSkipReason.HOLDOUT],
    ['a high draw under a holdout', { responseId: HIGH }, policy({ holdoutShare: 0.5 }), null],
    ['a low draw without a holdout', { responseId: LOW }, policy({ holdoutShare: 0 }), null],
    [
      'a low draw asked to be followed up',
      { responseId: LOW, followUpRequested: true },
      policy({ holdoutShare: 0.5 }),
      null,
    ],
    [
      'a low draw of a too old answer',
      { responseId: LOW, answeredAt: daysAgo(20) },
      policy({ holdoutShare: 0.5 }),
      CaseSkipReason.ANSWER_TOO_OLD,
    ],
  ] as const)('%s', (_name, overrides, settings, reason) => {
    const decision = CaseOpeningDecider.decide(detractor(overrides), settings, NOW);
    if (reason === null) expect(decision).toEqual({ open: true });
    else expect(decision).toMatchObject({ open: false, reason });
  });

  it('explains each skip for a person', () => {
    const detail = (overrides: object, settings = policy()) => {
      const decision = CaseOpeningDecider.decide(detractor(overrides), settings, NOW);
      return decision.open ? '' : decision.detail;
    };
    expect(detail({ answeredAt: daysAgo(730) })).toBe('answer older than 14 days');
    expect(detail({ answeredAt: daysAgo(3) }, policy({ maxAnswerAgeDays: 1 }))).toBe('answer older than 1 day');
    expect(detail({ source: ResponseSource.IMPORT })).toBe('answers from source import open no case');
    expect(detail({ channel: Channel.SMS }, policy({ excludedChannels: ['sms'] }))).toBe(
      'answers through channel sms open no case',
    );
    expect(detail({ recoveryOfResponseId: 'r-0' })).toMatch(/recovery re-survey of response r-0/);
    expect(detail({ responseId: LOW }, policy({ holdoutShare: 0.25 }))).toMatch(/control group .*25%/);
  });

  it('draws the same group for the same response, and holds out about the share asked for', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const draw = holdoutDraw(id);
        expect(draw).toBeGreaterThanOrEqual(0);
        expect(draw).toBeLessThan(1);
        expect(holdoutDraw(id)).toBe(draw);
      }),
    );
    const ids = Array.from({ length: 20_000 }, (_, i) => `response-${i}`);
    const held = ids.filter(
      (id) =>
        CaseOpeningDecider.decide(detractor({ responseId: id }), policy({ holdoutShare: 0.1 }), NOW).open === false,
    );
    // 20,000 draws at p = 0.1: the standard deviation is 0.002, so ±0.01 is five of them.
    expect(held.length / ids.length).toBeGreaterThan(0.09);
    expect(held.length / ids.length).toBeLessThan(0.11);
  });
});
