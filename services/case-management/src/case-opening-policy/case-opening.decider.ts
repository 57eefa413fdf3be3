import { createHash } from 'node:crypto';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { CaseSkipReason, channelName, type DetractorIdentified } from '@nps/contracts';
import { type CaseOpeningPolicySettings, sourceName } from './case-opening-policy';

export type CaseOpeningDecision = { open: true } | { open: false; reason: CaseSkipReason; detail: string };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a detractor opens a case under the policy. Pure: the same event, policy and `now` always
 * decide the same, and the holdout draw depends on the response id only, so replays and
 * redeliveries land in the same group (docs/adr/0030).
 */
export class CaseOpeningDecider {
  static decide(event: DetractorIdentified, policy: CaseOpeningPolicySettings, now: Date): CaseOpeningDecision {
    if (event.recoveryOfResponseId)
      return skip(
        CaseSkipReason.RECOVERY_SURVEY,
        `recovery re-survey of response ${event.recoveryOfResponseId}: it measures a follow-up, it does not start one`,
      );
    // An import that asked for follow-up overrides age, source and channel, and is never held out.
    if (event.followUpRequested) return { open: true };
    const answeredAt = event.answeredAt ? timestampDate(event.answeredAt) : null;
    if (answeredAt && now.getTime() - answeredAt.getTime() > policy.maxAnswerAgeDays * DAY_MS)
      return skip(CaseSkipReason.ANSWER_TOO_OLD, `answer older than ${days(policy.maxAnswerAgeDays)}`);
    const source = sourceName(event.source);
    if (source && policy.excludedSources.includes(source))
      return skip(CaseSkipReason.SOURCE_EXCLUDED, `answers from source ${source} open no case`);
    const channel = channelName(event.channel);
    if (channel && policy.excludedChannels.includes(channel))
      return skip(CaseSkipReason.CHANNEL_EXCLUDED, `answers through channel ${channel} open no case`);
    if (holdoutDraw(event.responseId) < policy.holdoutShare)
      return skip(
        CaseSkipReason.HOLDOUT,
        `held out as control group of the recovery measurement (${percent(policy.holdoutShare)} of detractors)`,
      );
    return { open: true };
  }
}

/** A number in [0, 1) fixed by the response id: the first 48 bits of its SHA-256. */
export function holdoutDraw(responseId: string): number {
  return createHash('sha256').update(responseId).digest().readUIntBE(0, 6) / 2 ** 48;
}

function skip(reason: CaseSkipReason, detail: string): CaseOpeningDecision {
  return { open: false, reason, detail };
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}
