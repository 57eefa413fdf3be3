import type { ResponseIngestionEnv } from '../response-ingestion.env';
import type { ResponseApi } from './response-api.service';
import { linkAnswersAtOnce, ResponseBatch } from './response-batch.service';

/** A ResponseApi whose answers take a few ticks, counting how many of each kind run at once. */
function countingApi() {
  const running = { link: 0, withoutLink: 0 };
  const most = { link: 0, withoutLink: 0 };
  const api = {
    async create(key: string, dto: { token?: string; score: number }) {
      const kind = dto.token === undefined ? 'withoutLink' : 'link';
      running[kind]++;
      most[kind] = Math.max(most[kind], running[kind]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running[kind]--;
      return { answer: { outcome: 'created', responseId: key, score: dto.score }, replayed: false };
    },
  };
  return { api: api as unknown as ResponseApi, most };
}

describe('ResponseBatch', () => {
  const withLink = (i: number) => ({ idempotencyKey: `link-key-${i}`, token: `token-${i}`, score: 9 });
  const withoutLink = (i: number) => ({
    idempotencyKey: `api-key-${i}`,
    customerId: `c-${i}`,
    score: 3,
    language: 'en',
  });

  it('runs the survey-link answers of all batches at most half the pool at a time, the others all at once', async () => {
    const { api, most } = countingApi();
    const batch = new ResponseBatch(api, { DATABASE_POOL_SIZE: 6 } as ResponseIngestionEnv);
    const answers = (from: number) =>
      Array.from({ length: 10 }, (_, i) => [withLink(from + i), withoutLink(from + i)]).flat();

    const results = await Promise.all([batch.create(answers(0)), batch.create(answers(100))]);

    expect(results.flat().map((result) => result.status)).toEqual(Array(40).fill(201));
    expect(most.link).toBe(3);
    expect(most.withoutLink).toBe(20);
  });

  it("starts none of a request's waiting link answers once one failed for a reason not the answer's", async () => {
    const started: string[] = [];
    const api = {
      async create(key: string) {
        started.push(key);
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
      },
    } as unknown as ResponseApi;
    const batch = new ResponseBatch(api, { DATABASE_POOL_SIZE: 2 } as ResponseIngestionEnv);

    await expect(batch.create([0, 1, 2, 3].map(withLink))).rejects.toThrow('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(started).toEqual(['link-key-0']);
  });

  it.each([
    [1, 1],
    [3, 1],
    [10, 5],
  ])('lets a pool of %i run %i link answers at once', (pool, atOnce) => {
    expect(linkAnswersAtOnce(pool)).toBe(atOnce);
  });
});
