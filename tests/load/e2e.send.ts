import { type Answer, answerJson, answersCsv } from './e2e.answers';

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

/**
 * Sends each answer to `POST /responses` (one Idempotency-Key each, so a retry is safe),
 * `concurrency` requests in flight, retrying a 503 (database unavailable: no connection within the
 * pool's wait) as its Retry-After says for up to `retryForMs`. Fails on the first answer that is
 * not accepted with 201 by then; returns how many requests were retried.
 */
export async function postAnswers(
  url: string,
  token: string,
  keyPrefix: string,
  answers: Answer[],
  concurrency: number,
  retryForMs: number,
): Promise<{ retried: number }> {
  let next = 0;
  let failed = false;
  let retried = 0;
  const send = async (i: number) => {
    const giveUpAt = performance.now() + retryForMs;
    for (let attempt = 1; ; attempt++) {
      const response = await fetch(`${url}/responses`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'idempotency-key': `${keyPrefix}-${i}`,
        },
        body: answerJson(answers[i]),
      });
      const text = await response.text();
      if (response.status === 201) return;
      if (response.status !== 503 || performance.now() > giveUpAt) {
        failed = true;
        throw new Error(`POST /responses of answer ${i}, attempt ${attempt}: ${response.status} ${text}`);
      }
      retried++;
      const seconds = Number(response.headers.get('retry-after')) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  };
  const worker = async () => {
    while (!failed && next < answers.length) await send(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, answers.length) }, worker));
  return { retried };
}
