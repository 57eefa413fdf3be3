import { CHANNEL_NAMES, ResponseSource } from '@nps/contracts';

/** Which detractors open a case (docs/adr/0030-case-opening-policy-and-holdout.md). */
export interface CaseOpeningPolicy {
  /** Each change is a new version; CaseSkipped names the version that decided. */
  version: number;
  /** Answers given longer ago than this open no case (ANSWER_TOO_OLD). */
  maxAnswerAgeDays: number;
  /** Source names (`import`, `api`, …) that open no case; an unspecified source is never excluded. */
  excludedSources: SourceName[];
  /** Channel names (`email`, `sms`, …) that open no case; an unspecified channel is never excluded. */
  excludedChannels: string[];
  /** Share of the remaining detractors held out as the recovery experiment's control group, 0 to 0.5. */
  holdoutShare: number;
  changedBy: string;
  changedAt: Date;
}

export type CaseOpeningPolicySettings = Pick<
  CaseOpeningPolicy,
  'maxAnswerAgeDays' | 'excludedSources' | 'excludedChannels' | 'holdoutShare'
>;

export const DEFAULT_POLICY: CaseOpeningPolicySettings = {
  maxAnswerAgeDays: 14,
  excludedSources: ['import'],
  excludedChannels: [],
  holdoutShare: 0,
};

export const MAX_HOLDOUT_SHARE = 0.5;

const SOURCES = {
  survey_page: ResponseSource.SURVEY_PAGE,
  api: ResponseSource.API,
  sms: ResponseSource.SMS,
  import: ResponseSource.IMPORT,
} as const satisfies Record<string, Exclude<ResponseSource, ResponseSource.UNSPECIFIED>>;

export type SourceName = keyof typeof SOURCES;

/** The names a policy may exclude: the ResponseSource values in lower case, as channels are named. */
export const SOURCE_NAMES = Object.keys(SOURCES) as SourceName[];

export const EXCLUDABLE_CHANNELS: readonly string[] = CHANNEL_NAMES;

/** The name of `source`; undefined for RESPONSE_SOURCE_UNSPECIFIED and for numbers this contract does not know. */
export function sourceName(source: ResponseSource): SourceName | undefined {
  return SOURCE_NAMES.find((name) => SOURCES[name] === source);
}
