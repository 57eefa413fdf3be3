import type { Answer } from './chaos.answers';

/** What the client saw: every status, and the answers the platform accepted. */
export interface ClientTally {
  statuses: Record<string, number>;
  /** Network errors (refused connections while a service restarts), retried. */
  unreachable: number;
  accepted: { responseId: string; score: number; comment: string }[];
  /** Answers refused with a 4xx other than 408/429: a defect of the run, not of the fault. */
  refused: { answer: Answer; status: number; body: string }[];
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/**
 * A partner system that does the right thing: one `Idempotency-Key` per answer, retried with a
 * capped backoff on every outage answer (and on a 500, which it still counts) until accepted.
 */
export class RetryingClient {
  readonly tally: ClientTally = { statuses: {}, unreachable: 0, accepted: [], refused: [] };

  constructor(
    private readonly baseUrl: () => string,
    /** Credentials for a path (the JSON API and imports need different scopes). */
    private readonly headers: (path: string) => Record<string, string> = () => ({}),
  ) {}

  /**
   * Sends every answer, at most `concurrency` requests at a time and no faster than `perSecond`, so
   * that a run of any size spans its faults. With `batch` above 1, every other request is a
   * `POST /responses/batch` of that many answers, so both routes meet every fault.
   */
  async sendAll(
    answers: Answer[],
    concurrency: number,
    perSecond: number,
    gate: (index: number) => Promise<void> = async () => undefined,
    batch = 1,
  ): Promise<void> {
    let nextSlot = performance.now();
    let next = 0;
    const worker = async (size: number) => {
      while (next < answers.length) {
        const sent = answers.slice(next, next + size);
        next += sent.length;
        await gate(next - 1);
        // One slot per answer, 1/perSecond apart; after a wait at the gate, slots start from now.
        const slot = Math.max(nextSlot, performance.now());
        nextSlot = slot + (sent.length * 1000) / perSecond;
        const dueIn = slot - performance.now();
        if (dueIn > 0) await new Promise((resolve) => setTimeout(resolve, dueIn));
        await (sent.length === 1 ? this.send(sent[0]) : this.sendBatch(sent));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i % 2 === 1 ? batch : 1)));
  }

  /** Posts an import until the service reports it, the same import id every time; `followUp` asks for cases. */
  async importLines(
    importId: string,
    lines: string,
    followUp = false,
  ): Promise<{ accepted: number; rejected: number }> {
    const query = `importId=${encodeURIComponent(importId)}${followUp ? '&followUp=true' : ''}`;
    const answer = await this.untilAnswered(`/imports?${query}`, {
      body: lines,
      contentType: 'application/x-ndjson',
    });
    if (answer.status >= 300) throw new Error(`the import was refused: ${answer.status} ${answer.body}`);
    return JSON.parse(answer.body) as { accepted: number; rejected: number };
  }

  private async send(answer: Answer): Promise<void> {
    const { idempotencyKey, ...body } = answer;
    const result = await this.untilAnswered('/responses', {
      body: JSON.stringify(body),
      contentType: 'application/json',
      idempotencyKey,
    });
    if (result.status === 200 || result.status === 201) {
      const { responseId } = JSON.parse(result.body) as { responseId: string };
      this.tally.accepted.push({ responseId, score: answer.score, comment: answer.comment });
    } else {
      this.tally.refused.push({ answer, status: result.status, body: result.body });
    }
  }

  /** A batch is retried as a whole on an outage answer; each answer's own result says whether it was taken. */
  private async sendBatch(answers: Answer[]): Promise<void> {
    const result = await this.untilAnswered('/responses/batch', {
      body: JSON.stringify({ answers }),
      contentType: 'application/json',
    });
    const results =
      result.status === 200
        ? (JSON.parse(result.body) as { results: { status: number; answer?: { responseId: string } }[] }).results
        : answers.map(() => ({ status: result.status, answer: undefined }));
    answers.forEach((answer, i) => {
      const { status, answer: taken } = results[i];
      this.count(`${status} in a batch`);
      if (taken && (status === 200 || status === 201))
        this.tally.accepted.push({ responseId: taken.responseId, score: answer.score, comment: answer.comment });
      else this.tally.refused.push({ answer, status, body: JSON.stringify(results[i]) });
    });
  }

  private async untilAnswered(
    path: string,
    request: { body: string; contentType: string; idempotencyKey?: string },
  ): Promise<{ status: number; body: string }> {
    for (let delayMs = 100; ; delayMs = Math.min(2000, delayMs * 2)) {
      try {
        const response = await fetch(this.baseUrl() + path, {
          method: 'POST',
          headers: {
            'content-type': request.contentType,
            ...(request.idempotencyKey ? { 'idempotency-key': request.idempotencyKey } : {}),
            ...this.headers(path),
          },
          body: request.body,
          signal: AbortSignal.timeout(30_000),
        });
        const body = await response.text();
        this.count(String(response.status));
        if (!RETRY_STATUSES.has(response.status)) return { status: response.status, body };
      } catch {
        this.tally.unreachable++;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }

  private count(status: string): void {
    this.tally.statuses[status] = (this.tally.statuses[status] ?? 0) + 1;
  }
}
