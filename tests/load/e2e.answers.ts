import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seededRandom } from '@nps/testing';

/** The labelled comments root-cause-tagging is trained and evaluated on: real texts in en, nl and de. */
const COMMENTS_FILE = resolve(__dirname, '../../services/root-cause-tagging/data/comments.jsonl');
export const LANGUAGES = ['en', 'nl', 'de'] as const;
type Language = (typeof LANGUAGES)[number];

const DETRACTOR_SHARE = 0.3;
const PASSIVE_SHARE = 0.25;
const COMMENT_SHARE = 0.5;

/** One answer as the bench sends it, by import row or by `POST /responses`. */
export interface Answer {
  customerId: string;
  score: number;
  language: Language;
  /** '' for an answer without a comment. */
  comment: string;
  answeredAt: Date;
}

export function isDetractor(answer: Answer): boolean {
  return answer.score <= 6;
}

/** What a set of answers holds, which is what the loop must end with. */
export interface AnswerMix {
  answers: number;
  detractors: number;
  commented: number;
}

export function mixOf(answers: Answer[]): AnswerMix {
  return {
    answers: answers.length,
    detractors: answers.filter(isDetractor).length,
    commented: answers.filter((answer) => answer.comment !== '').length,
  };
}

/**
 * Answers drawn from a seeded generator: about 30% detractors and 25% passives, half of them with
 * a comment in the answer's language, a detractor's comment from the unhappy texts.
 */
export class AnswerGenerator {
  private readonly random: () => number;
  private readonly comments: Record<Language, { unhappy: string[]; happy: string[] }>;

  constructor(seed: number) {
    this.random = seededRandom(seed);
    this.comments = labelledComments();
  }

  /** `count` answers of customers `customerOf(i)`, answered at `answeredAt(i)`. */
  answers(count: number, customerOf: (i: number) => string, answeredAt: (i: number) => Date): Answer[] {
    return Array.from({ length: count }, (_, i) => this.answer(customerOf(i), answeredAt(i)));
  }

  /** A time in the `days` before `now`, so the rollups count over several days and weeks. */
  recent(now: number, days: number): Date {
    return new Date(now - Math.floor(this.random() * days * 86_400_000));
  }

  private answer(customerId: string, answeredAt: Date): Answer {
    const draw = this.random();
    const score =
      draw < DETRACTOR_SHARE
        ? this.pick([0, 1, 2, 3, 4, 5, 6])
        : draw < DETRACTOR_SHARE + PASSIVE_SHARE
          ? this.pick([7, 8])
          : this.pick([9, 10]);
    const language = this.pick(LANGUAGES);
    const texts = this.comments[language][score <= 6 ? 'unhappy' : 'happy'];
    const comment = this.random() < COMMENT_SHARE ? this.pick(texts) : '';
    return { customerId, score, language, comment, answeredAt };
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
}

function labelledComments(): Record<Language, { unhappy: string[]; happy: string[] }> {
  const rows = readFileSync(COMMENTS_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { language: string; score: number; text: string });
  const byLanguage = Object.fromEntries(
    LANGUAGES.map((language) => {
      const own = rows.filter((row) => row.language === language);
      return [
        language,
        {
          unhappy: own.filter((row) => row.score <= 6).map((row) => row.text),
          happy: own.filter((row) => row.score > 6).map((row) => row.text),
        },
      ];
    }),
  ) as Record<Language, { unhappy: string[]; happy: string[] }>;
  for (const language of LANGUAGES)
    if (byLanguage[language].unhappy.length === 0 || byLanguage[language].happy.length === 0)
      throw new Error(`${COMMENTS_FILE} has no ${language} comments of both kinds`);
  return byLanguage;
}

/** The answers as an import file (CSV with a header, docs/response-ingestion.md). */
export function answersCsv(answers: Answer[]): string {
  const lines = answers.map(
    (a) =>
      `${a.customerId},${a.score},${a.answeredAt.toISOString()},${a.language},${quoted(a.comment)},email,order-delivered`,
  );
  return `customer_id,score,answered_at,language,comment,channel,touchpoint_type\n${lines.join('\n')}\n`;
}

/** The body of `POST /responses` for an answer. */
export function answerBody(answer: Answer): Record<string, unknown> {
  return {
    customerId: answer.customerId,
    score: answer.score,
    language: answer.language,
    ...(answer.comment ? { comment: answer.comment } : {}),
    channel: 'in_app',
    touchpointType: 'order-delivered',
    answeredAt: answer.answeredAt.toISOString(),
  };
}

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}
