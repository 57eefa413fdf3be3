import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import {
  expectEventually,
  freshTopicPrefix,
  PLATFORM_SERVICES,
  type ServiceBed,
  serviceBed,
  type ServiceName,
  sharedLocalIssuer,
  SmtpInbox,
} from '@nps/testing';
import {
  type CustomerExportDocument,
  ExportIncompleteError,
  exportSettingsFromEnv,
  gatherCustomerExport,
} from '@nps/runtime';
import { answeredThroughEmail, privacyToolEnv, type SurveyedCustomer } from './support/surveyed-customer';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);
const SERVICES = PLATFORM_SERVICES;

function aCustomer(name: string, phone: string, comment: string, score: number): SurveyedCustomer {
  const customerId = `dsar-${randomUUID().slice(0, 8)}`;
  return { customerId, name, email: `${customerId}@example.org`, phone, region: 'uk', comment, score };
}

// Issue #19, access requests: one customer's data goes in through the real entry points, every
// service acts on it, and the export gathered from all five holds all of it and nothing of another.
describe('an access request exports what all five services hold about one customer', () => {
  const topicPrefix = freshTopicPrefix();
  const issuer = sharedLocalIssuer();
  const beds = Object.fromEntries(
    SERVICES.map((name) => [
      name,
      serviceBed({ service: name, topicPrefix, autoStart: false, readyTimeoutMs: 240000, issuer }),
    ]),
  ) as Record<ServiceName, ServiceBed>;
  const subject = aCustomer('Ada Lovelace', '+44 20 7946 0001', 'The delivery was two weeks late', 2);
  const control = aCustomer('Charles Babbage', '+44 20 7946 0002', 'Friendly staff at the counter', 4);
  let mail: SmtpInbox;
  let env: Record<string, string>;

  beforeAll(async () => {
    mail = await SmtpInbox.start();
    const ingestion = await beds['response-ingestion'].start();
    const own: Partial<Record<ServiceName, Record<string, string>>> = {
      'survey-dispatch': { SMTP_URL: mail.url, SURVEY_PAGE_URL: ingestion.url, QUIET_HOURS: 'off' },
    };
    const others = SERVICES.filter((name) => name !== 'response-ingestion');
    await Promise.all(others.map((name) => beds[name].start(own[name])));
    env = await privacyToolEnv(beds);
    await Promise.all([subject, control].map((customer) => answeredThroughEmail(beds, mail, customer)));
  }, 420000);

  afterAll(async () => {
    await mail?.stop();
  });

  const gather = (customerId: string) => gatherCustomerExport(customerId, exportSettingsFromEnv(env));

  it('holds the contact details, survey, answer, score, tags, case and note, and nothing of the control customer', async () => {
    const admin = await beds['case-management'].tokenFor('adam');
    const caseId = await expectEventually(
      async () => {
        const { services } = await gather(subject.customerId);
        expect(services['case-management'].data.cases).toHaveLength(1);
        return services['case-management'].data.cases[0].id as string;
      },
      { timeoutMs: 90000, intervalMs: 1000 },
    );
    const note = 'Called Ada: a courier was sick; refunded the shipping';
    const noted = await fetch(`${beds['case-management'].url}/cases/${caseId}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ note }),
    });
    expect(noted.status).toBeLessThan(300);

    const exported = await expectEventually(
      async () => {
        const document = await gather(subject.customerId);
        const { scoring, 'root-cause-tagging': tagging } = document.services;
        expect(scoring.data.responses).toHaveLength(1);
        expect(scoring.data.responseTags.length).toBeGreaterThan(0);
        expect(tagging.data.taggedComments).toHaveLength(1);
        expect(document.services['case-management'].data.cases[0].tagIds).not.toEqual([]);
        return document;
      },
      { timeoutMs: 90000, intervalMs: 1000 },
    );
    expectHoldsSubject(exported, caseId, note);

    const json = JSON.stringify(exported);
    for (const value of [control.customerId, control.name, control.email, control.comment]) {
      expect(json).not.toContain(value);
    }
  });

  function expectHoldsSubject(document: CustomerExportDocument, caseId: string, note: string): void {
    const { customerId, name, email, comment, score } = subject;
    expect(document.customerId).toBe(customerId);
    expect(Object.keys(document.services).sort()).toEqual([...SERVICES].sort());
    for (const service of SERVICES) {
      expect(document.services[service]).toMatchObject({ service, customerId });
    }
    const { services } = document;
    const dispatch = services['survey-dispatch'].data;
    expect(dispatch.customers).toEqual([expect.objectContaining({ customerId, name, email, phone: '+442079460001' })]);
    expect(dispatch.surveyRequests).toEqual([expect.objectContaining({ customerId, channel: 'email' })]);

    const ingestion = services['response-ingestion'].data;
    expect(ingestion.responses).toEqual([expect.objectContaining({ customerId, score, comment, channel: 'email' })]);
    const responseId = ingestion.responses[0].responseId;
    expect(ingestion.surveyRequests).toEqual([expect.objectContaining({ customerId, responseId })]);

    const scoring = services.scoring.data;
    expect(scoring.responses).toEqual([
      expect.objectContaining({ responseId, customerId, score, category: 'detractor', comment }),
    ]);
    const tags = services['root-cause-tagging'].data;
    expect(tags.taggedComments).toEqual([expect.objectContaining({ responseId, customerId, comment })]);
    const tagIds = scoring.responseTags.map((tag) => tag.tagId).sort();
    expect(JSON.stringify(tags.taggedComments[0].result)).toContain(`"${tagIds[0]}"`);

    const cases = services['case-management'].data;
    expect(cases.customers).toEqual([expect.objectContaining({ customerId, name })]);
    expect(cases.cases).toEqual([expect.objectContaining({ id: caseId, responseId, customerId, score, comment })]);
    expect([...(cases.cases[0].tagIds as string[])].sort()).toEqual(tagIds);
    expect(cases.caseActivities).toEqual(
      expect.arrayContaining([expect.objectContaining({ caseId, kind: 'note_added', detail: { note } })]),
    );
  }

  it('runs as the privacy:export command (its CLI file, as npm runs it) with --out, writing the same document', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'dsar-')), 'export.json');
    const { stderr } = await run(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'libs/runtime/src/customer-export/privacy-export.cli.ts',
        subject.customerId,
        '--out',
        out,
      ],
      { cwd: ROOT, env: { ...process.env, ...env } },
    );
    expect(stderr).toContain(`written to ${out}`);
    const written = JSON.parse(await readFile(out, 'utf8')) as CustomerExportDocument;
    expect((await stat(out)).mode & 0o077).toBe(0);
    expect(written.services['survey-dispatch'].data.customers[0]).toMatchObject({ name: subject.name });
    expect(written.services['case-management'].data.cases).toHaveLength(1);
    expect(JSON.stringify(written)).not.toContain(control.customerId);
  });

  it('answers a customer nobody knows with every kind empty, not an error', async () => {
    const { services } = await gather(`nobody-${randomUUID()}`);
    for (const service of SERVICES) {
      const kinds = Object.values(services[service].data);
      expect(kinds.length).toBeGreaterThan(0);
      for (const rows of kinds) expect(rows).toEqual([]);
    }
  });

  it('fails, naming the service, when one does not answer: no partial export', async () => {
    const broken = { ...env, SCORING_URL: 'http://127.0.0.1:1' };
    const failure = await gatherCustomerExport(subject.customerId, exportSettingsFromEnv(broken)).catch((e) => e);
    expect(failure).toBeInstanceOf(ExportIncompleteError);
    expect((failure as ExportIncompleteError).failures.map((f) => f.service)).toEqual(['scoring']);

    const out = join(await mkdtemp(join(tmpdir(), 'dsar-')), 'export.json');
    const cli = await run(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'libs/runtime/src/customer-export/privacy-export.cli.ts',
        subject.customerId,
        '--out',
        out,
      ],
      { cwd: ROOT, env: { ...process.env, ...broken } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(cli).toMatchObject({ code: 1, stderr: expect.stringContaining('scoring: no answer') });
    await expect(stat(out)).rejects.toThrow();
  });

  it('is refused to a token without role admin or scope privacy:export', async () => {
    const reader = await beds.scoring.clientToken('nps-reader');
    const settings = { ...exportSettingsFromEnv(env), token: reader };
    const failure = (await gatherCustomerExport(subject.customerId, settings).catch((e) => e)) as ExportIncompleteError;
    expect(failure.failures).toHaveLength(SERVICES.length);
    for (const { reason } of failure.failures) expect(reason).toContain('answered 403');
  });
});
