import { type Answer, answerBody, answersCsv } from './e2e.answers';

/** The parts of response-ingestion's import report the bench checks. */
interface ImportReport {
  accepted: number;
  published: number;
  rejected: number;
}

/**
 * Sends `answers` as one CSV to `POST /imports`, asking for follow-up: without it the case-opening
 * policy skips imported detractors (docs/outer-loop.md). Fails unless every row was accepted.
 */
export async function importAnswers(url: string, token: string, importId: string, answers: Answer[]): Promise<void> {
  const response = await fetch(`${url}/imports?importId=${importId}&followUp=true`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    body: answersCsv(answers),
  });
  const text = await response.text();
  const report = (response.status === 200 ? JSON.parse(text) : {}) as Partial<ImportReport>;
  if (report.accepted !== answers.length || report.published !== answers.length || report.rejected !== 0)
    throw new Error(`import ${importId} of ${answers.length} answers: ${response.status} ${text.slice(0, 2000)}`);
}

/** How `postAnswers` sends: one answer per `POST /responses`, or `batch` answers per `POST /responses/batch`. */
export interface PostOptions {
  keyPrefix: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** A 503 is retried as its Retry-After says for up to this long. */
  retryForMs: number;
  /** Answers per request; above 1, through `POST /responses/batch`. */
  batch?: number;
}

/**
 * Sends the answers to the JSON API (one Idempotency-Key per answer, so a retry is safe),
 * `concurrency` requests in flight, retrying a 503 (database unavailable: no connection within the
 * pool's wait) as its Retry-After says for up to `retryForMs`. Fails on the first answer that is
 * not accepted with 201 by then; returns how many requests were retried.
 */
export async function postAnswers(
  url: string,
  token: string,
  answers: Answer[],
  o: PostOptions,
): Promise<{ retried: number }> {
  const size = o.batch ?? 1;
  const requests = Math.ceil(answers.length / size);
  let next = 0;
  let failed = false;
  let retried = 0;
  const send = async (request: number) => {
    const first = request * size;
    const sent = answers.slice(first, first + size);
    const key = (j: number) => `${o.keyPrefix}-${first + j}`;
    const giveUpAt = performance.now() + o.retryForMs;
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(size === 1 ? `${url}/responses` : `${url}/responses/batch`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(size === 1 ? { 'idempotency-key': key(0) } : {}),
        },
        body: JSON.stringify(
          size === 1
            ? answerBody(sent[0])
            : { answers: sent.map((answer, j) => ({ idempotencyKey: key(j), ...answerBody(answer) })) },
        ),
      });
      const text = await response.text();
      if (size === 1 ? response.status === 201 : response.status === 200 && allStored(text, sent.length)) return;
      if (response.status !== 503 || performance.now() > giveUpAt) {
        failed = true;
        throw new Error(`answers from ${first} (${sent.length}), attempt ${attempt}: ${response.status} ${text}`);
      }
      retried++;
      const seconds = Number(response.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  };
  const worker = async () => {
    while (!failed && next < requests) await send(next++);
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency, requests) }, worker));
  return { retried };
}

/** Whether a batch's answer says that each of its `count` answers was stored (201). */
function allStored(text: string, count: number): boolean {
  const { results } = JSON.parse(text) as { results: { status: number }[] };
  return results.length === count && results.every((result) => result.status === 201);
}
