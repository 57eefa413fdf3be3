import { seededRandom } from '@nps/testing';

/** One answer as a partner system sends it to `POST /responses`. */
export interface Answer {
  idempotencyKey: string;
  customerId: string;
  score: number;
  comment: string;
  language: 'en' | 'nl' | 'de';
  channel: 'in_app';
  touchpointId: string;
  touchpointType: string;
  answeredAt: string;
}

// Comments the tagger knows in each language, so that tagging has real work to do.
const COMMENTS: Record<Answer['language'], string[]> = {
  en: ['The delivery was two weeks late', 'Way too expensive for what you get', 'Support never called me back'],
  nl: ['De levering was twee weken te laat', 'Veel te duur', 'De klantenservice belde nooit terug'],
  de: ['Die Lieferung kam zwei Wochen zu spät', 'Viel zu teuer', 'Der Kundendienst hat nie zurückgerufen'],
};
const LANGUAGES: Answer['language'][] = ['en', 'nl', 'de'];

/**
 * `count` answers from 1,000 customers over the last 60 days: about 30% detractors, half with a
 * comment. Seeded, so a run can be repeated; `run` keeps keys and touchpoints unique per run.
 */
export function chaosAnswers(count: number, run: string, seed = 7): Answer[] {
  const random = seededRandom(seed);
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const roll = random();
    const score =
      roll < 0.3 ? Math.floor(random() * 7) : roll < 0.55 ? 7 + Math.floor(random() * 2) : 9 + Math.floor(random() * 2);
    const language = LANGUAGES[i % LANGUAGES.length];
    const comments = COMMENTS[language];
    return {
      idempotencyKey: `${run}-answer-${i}`,
      customerId: `c-${Math.floor(random() * 1000)}`,
      score,
      comment: random() < 0.5 ? comments[Math.floor(random() * comments.length)] : '',
      language,
      channel: 'in_app',
      touchpointId: `${run}-order-${i}`,
      touchpointType: 'order-delivered',
      answeredAt: new Date(now - Math.floor(random() * 60 * 86_400_000)).toISOString(),
    };
  });
}

/** The same kind of answers as JSON Lines for `POST /imports` (historical, so from a year ago). */
export function importLines(count: number, run: string, seed = 11): string {
  return chaosAnswers(count, `${run}-import`, seed)
    .map((answer, i) =>
      JSON.stringify({
        externalId: `${run}-row-${i}`,
        customerId: answer.customerId,
        score: answer.score,
        comment: answer.comment,
        language: answer.language,
        channel: 'web',
        answeredAt: new Date(Date.parse(answer.answeredAt) - 365 * 86_400_000).toISOString(),
      }),
    )
    .join('\n');
}
