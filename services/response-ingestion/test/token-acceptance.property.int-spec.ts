import fc from 'fast-check';
import { loadEnv } from '@nps/config';
import { Channel, ResponseSource } from '@nps/contracts';
import { EventTransactions, MessagingSettings } from '@nps/messaging';
import { SchemaTables } from '@nps/persistence';
import { connectKeyStore, type KeyStoreConnection } from '@nps/privacy';
import { SurveyLinks, type SurveyLinkClaims } from '@nps/survey-links';
import { freshSchema, migratedDataSource, testDatabaseUrl } from '@nps/testing';
import type { DataSource } from 'typeorm';
import type { Clock } from '../src/answers/clock';
import { ResponseRepository } from '../src/answers/response.repository';
import { SurveyAnswers } from '../src/answers/survey-answers.service';
import { IngestionError, IngestionErrorCode } from '../src/errors/ingestion.error';
import { ResponseIngestionEnv } from '../src/response-ingestion.env';
import { service } from '../src/service.definition';
import { SurveyRequestRepository } from '../src/survey-requests/survey-request.repository';

const OLD_KEY = 'k-2025:old-secret-0123456789abcdef';
const NEW_KEY = 'k-2026:new-secret-0123456789abcdef';
const T0 = new Date('2026-11-23T10:00:00Z');
const WINDOW_MINUTES = 60;
const AFTER_WINDOW = new Date(T0.getTime() + (WINDOW_MINUTES + 1) * 60_000);

// Token checks and single use, in-process against the real schema (the replay and revocation
// state lives in Postgres): no forged, tampered, expired, replayed or revoked token is accepted.
describe('survey link acceptance', () => {
  let dataSource: DataSource;
  let keyStore: KeyStoreConnection;
  let schema: string;
  let now = T0;
  const clock = { now: () => now } as Clock;
  let answers: SurveyAnswers;
  let requests: SurveyRequestRepository;
  const signer = new SurveyLinks(`${NEW_KEY},${OLD_KEY}`, 'http://127.0.0.1');
  const oldSigner = new SurveyLinks(OLD_KEY, 'http://127.0.0.1');
  let counter = 0;
  const claims = (overrides: Partial<SurveyLinkClaims> = {}): SurveyLinkClaims => ({
    surveyRequestId: `sr-${++counter}`,
    customerId: `c-${counter}`,
    touchpointId: `t-${counter}`,
    touchpointType: 'ticket-closed',
    channel: Channel.EMAIL,
    language: 'en',
    expiresAt: new Date(T0.getTime() + 14 * 24 * 3600_000),
    ...overrides,
  });
  const count = async (table: string) =>
    Number((await dataSource.query(`SELECT count(*) AS n FROM "${schema}".${table}`))[0].n);

  beforeAll(async () => {
    schema = await freshSchema('ri_tokens');
    dataSource = await migratedDataSource(schema, service.migrations);
    const settings = Object.assign(new MessagingSettings(), { service: 'response-ingestion', schema, topicPrefix: '' });
    const env = loadEnv(ResponseIngestionEnv, {
      SURVEY_LINK_KEYS: `${NEW_KEY},${OLD_KEY}`,
      RESPONSE_REVISION_WINDOW_MINUTES: String(WINDOW_MINUTES),
    });
    keyStore = await connectKeyStore({ url: testDatabaseUrl(), schema: `${schema}_privacy` });
    const tables = new SchemaTables(schema);
    requests = new SurveyRequestRepository(tables);
    answers = new SurveyAnswers(
      signer,
      new EventTransactions(dataSource, settings),
      requests,
      new ResponseRepository(tables),
      env,
      clock,
      dataSource,
      keyStore.fields,
    );
  });

  afterAll(() => Promise.all([dataSource?.destroy(), keyStore?.close()]));

  async function refusalOf(token: string, score = 5): Promise<IngestionErrorCode | 'accepted'> {
    try {
      await answers.submit(token, { score, comment: 'x' }, ResponseSource.SURVEY_PAGE);
      return 'accepted';
    } catch (error) {
      if (error instanceof IngestionError) return error.code;
      throw error;
    }
  }

  it('accepts none of 10,000 forged, tampered, expired, replayed and revoked tokens', async () => {
    now = T0;
    const answered: string[] = [];
    const revoked: string[] = [];
    for (let i = 0; i < 40; i++) {
      const token = signer.sign(claims());
      await answers.submit(token, { score: 7 }, ResponseSource.SURVEY_PAGE);
      answered.push(token);
      const withdrawn = claims();
      await requests.revoke(dataSource.manager, withdrawn.surveyRequestId, withdrawn.customerId, 'test', T0);
      revoked.push(signer.sign(withdrawn));
    }
    const [outboxBefore, responsesBefore] = [await count('outbox'), await count('responses')];
    now = AFTER_WINDOW;

    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/);
    const genuine = fc
      .constant(null)
      .map(() => signer.sign(claims({ expiresAt: new Date(AFTER_WINDOW.getTime() + 3600_000) })));
    const attack = fc.oneof(
      { arbitrary: fc.string({ maxLength: 300 }).map((token) => ({ kind: 'garbage', token })), weight: 1 },
      {
        arbitrary: fc
          .tuple(fc.constantFrom('k-2026', 'k-2025', 'dev-1', 'k-1999'), segment, segment)
          .map(([kid, body, mac]) => ({ kind: 'forged', token: `${kid}.${body}.${mac}` })),
        weight: 2,
      },
      {
        arbitrary: fc
          .tuple(
            genuine,
            fc.nat(),
            fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
          )
          .map(([token, at, char]) => {
            const index = at % token.length;
            const replaced = token[index] === char ? (char === 'A' ? 'B' : 'A') : char;
            return { kind: 'tampered', token: token.slice(0, index) + replaced + token.slice(index + 1) };
          }),
        weight: 3,
      },
      {
        arbitrary: fc.tuple(genuine, genuine).map(([a, b]) => {
          const [kid, , mac] = a.split('.');
          return { kind: 'swapped claims', token: `${kid}.${b.split('.')[1]}.${mac}` };
        }),
        weight: 1,
      },
      {
        arbitrary: fc.integer({ min: 0, max: 30 * 24 * 3600 }).map((ago) => ({
          kind: 'expired',
          token: signer.sign(claims({ expiresAt: new Date(AFTER_WINDOW.getTime() - ago * 1000) })),
        })),
        weight: 1,
      },
      { arbitrary: fc.constantFrom(...answered).map((token) => ({ kind: 'replayed', token })), weight: 1 },
      { arbitrary: fc.constantFrom(...revoked).map((token) => ({ kind: 'revoked', token })), weight: 1 },
    );

    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(attack, fc.integer({ min: 0, max: 10 }), async ({ kind, token }, score) => {
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        expect(await refusalOf(token, score)).not.toBe('accepted');
      }),
      { numRuns: 10_000 },
    );

    expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(seen.get('replayed')).toBeGreaterThan(500);
    expect(seen.get('revoked')).toBeGreaterThan(500);
    expect(await count('outbox')).toBe(outboxBefore);
    expect(await count('responses')).toBe(responsesBefore);
  });

  it('gives each refusal its own reason', async () => {
    now = T0;
    const token = signer.sign(claims());
    expect(await refusalOf('not-a-token')).toBe(IngestionErrorCode.SurveyLinkMalformed);
    expect(await refusalOf(token.replace(/^k-2026/, 'k-1999'))).toBe(IngestionErrorCode.SurveyLinkUnknownKey);
    expect(await refusalOf(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(
      IngestionErrorCode.SurveyLinkBadSignature,
    );
    expect(await refusalOf(signer.sign(claims({ expiresAt: T0 })))).toBe(IngestionErrorCode.SurveyLinkExpired);
    expect(await refusalOf(token)).toBe('accepted');
    now = AFTER_WINDOW;
    expect(await refusalOf(token)).toBe(IngestionErrorCode.AlreadyAnswered);
  });

  it('accepts a link signed with a rotated-out key that is still configured, and refuses it once revoked', async () => {
    now = T0;
    const link = claims();
    const token = oldSigner.sign(link);
    expect(await refusalOf(token, 4)).toBe('accepted');
    expect(await refusalOf(token, 6)).toBe('accepted'); // within the window: a revision
    const revision = await dataSource.query(
      `SELECT score, revision FROM "${schema}".responses WHERE survey_request_id = $1`,
      [link.surveyRequestId],
    );
    expect(revision).toEqual([{ score: 6, revision: 1 }]);

    await requests.revoke(dataSource.manager, link.surveyRequestId, undefined, 'test', T0);
    const outbox = await count('outbox');
    expect(await refusalOf(token, 9)).toBe(IngestionErrorCode.SurveyRevoked);
    expect(await count('outbox')).toBe(outbox);
    expect(await refusalOf(new SurveyLinks(NEW_KEY, 'http://x').sign(claims()).replace(/^k-2026/, 'k-2025'))).toBe(
      IngestionErrorCode.SurveyLinkBadSignature,
    );
  });

  it('refuses a first answer to a survey that survey-dispatch has expired', async () => {
    now = T0;
    const link = claims();
    await requests.markExpired(dataSource.manager, link.surveyRequestId, link.customerId, T0);
    expect(await refusalOf(signer.sign(link))).toBe(IngestionErrorCode.SurveyExpired);
  });
});
