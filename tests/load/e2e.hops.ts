import { Topics } from '@nps/contracts';
import { physicalTopic } from '@nps/messaging';
import { readTopicsSince, topicEnds, type TopicEnds } from '@nps/testing';
import { percentile } from './bench.report';

/** The two events between a detractor's import and its case, each stamped by its relay's producer when sent. */
const HOP_TOPICS = [Topics.ResponseReceived.name, Topics.DetractorIdentified.name] as const;
const READ_TIMEOUT_MS = 60_000;

export interface HopPercentiles {
  p50Ms: number;
  p99Ms: number;
}

/**
 * Where a detractor's time to its case went: response-ingestion (the import's request until its relay sent
 * `response received`), scoring (until its relay sent `detractor identified`) and case-management (until
 * the case's `opened_at`). Each hop includes the consumer's fetch and the relay's wait of the service.
 */
export interface HopLatencies {
  ingestion: HopPercentiles;
  scoring: HopPercentiles;
  caseManagement: HopPercentiles;
}

/** Per customer: when the import was sent, when each event was published, when the case was opened (epoch ms). */
export interface DetractorTimes {
  sent: Map<string, number>;
  received: Map<string, number>;
  identified: Map<string, number>;
  opened: Map<string, number>;
}

export function hopLatencies(t: DetractorTimes): HopLatencies {
  const hop = (from: Map<string, number>, to: Map<string, number>): HopPercentiles => {
    const durations = [...t.sent.keys()].map((customer) => {
      const [start, end] = [from.get(customer), to.get(customer)];
      if (start === undefined || end === undefined) throw new Error(`no hop time for detractor ${customer}`);
      return end - start;
    });
    durations.sort((a, b) => a - b);
    return { p50Ms: percentile(durations, 50), p99Ms: percentile(durations, 99) };
  };
  return {
    ingestion: hop(t.sent, t.received),
    scoring: hop(t.received, t.identified),
    caseManagement: hop(t.identified, t.opened),
  };
}

/**
 * The publish times of a phase's events: `mark()` before the phase notes where the two topics end, `read()`
 * after it reads what was appended since (so the reading costs the phase nothing) and keeps, per key, the
 * first record's timestamp.
 */
export class PublishTimes {
  private readonly topics: string[];
  private starts: TopicEnds = new Map();

  constructor(
    private readonly brokers: string,
    topicPrefix: string,
  ) {
    this.topics = HOP_TOPICS.map((name) => physicalTopic(name, topicPrefix));
  }

  async mark(): Promise<void> {
    this.starts = await topicEnds(this.brokers, this.topics);
  }

  /** `received` and `identified` times of the keys `wanted` accepts. */
  async read(wanted: (key: string) => boolean): Promise<Pick<DetractorTimes, 'received' | 'identified'>> {
    const received = new Map<string, number>();
    const identified = new Map<string, number>();
    const byTopic = new Map([
      [this.topics[0], received],
      [this.topics[1], identified],
    ]);
    for (const record of await readTopicsSince(this.brokers, this.starts, READ_TIMEOUT_MS)) {
      const key = record.key?.toString() ?? '';
      const times = byTopic.get(record.topic);
      if (times && wanted(key) && !times.has(key)) times.set(key, Number(record.timestamp));
    }
    return { received, identified };
  }
}
