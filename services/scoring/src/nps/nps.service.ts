import { Injectable } from '@nestjs/common';
import { drivers, type Driver, type PreviousPeriodCounts } from '../drivers/drivers.calculator';
import { RollupReader } from '../rollups/rollup.reader';
import { RollupWriter } from '../rollups/rollup.writer';
import type { Dimension, Interval, NpsFilter } from './dimensions';
import { previousPeriod as previousPeriodOf } from './local-day';
import type { NpsCompareDto } from './nps-compare.dto';
import { NpsQueryError, NpsQueryErrorCode } from './nps-query.error';
import {
  compare,
  LOW_SAMPLE_N,
  type NpsComparison,
  type NpsCounts,
  type NpsSummary,
  summarize,
} from './nps.calculator';

export interface NpsRow extends NpsSummary {
  period: string | null;
  group: Partial<Record<Dimension, string>>;
}

export interface NpsSide {
  filter: NpsFilter;
  /** Null when the side has no answers. */
  summary: NpsSummary | null;
}

/** NPS questions answered from the rollups with the statistics of docs/nps-statistics.md. */
@Injectable()
export class NpsService {
  constructor(
    private readonly reader: RollupReader,
    private readonly writer: RollupWriter,
  ) {}

  async nps(
    filter: NpsFilter,
    groupBy: Dimension[] = [],
    interval?: Interval,
  ): Promise<{ timeZone: string; interval: Interval | null; lowSampleBelow: number; rows: NpsRow[] }> {
    this.check(filter);
    const rows = await this.reader.counts(filter, groupBy, interval);
    return {
      timeZone: filter.timeZone,
      interval: interval ?? null,
      lowSampleBelow: LOW_SAMPLE_N,
      rows: rows.flatMap(({ period, group, ...counts }) => {
        const summary = summarize(counts);
        return summary ? [{ period, group, ...summary }] : [];
      }),
    };
  }

  async compare(query: NpsCompareDto): Promise<{ first: NpsSide; second: NpsSide; change: NpsComparison | null }> {
    const first = filterOf(query);
    const second: NpsFilter = {
      ...first,
      from: query.versusFrom ?? first.from,
      to: query.versusTo ?? first.to,
      touchpointType: query.versusTouchpointType ?? first.touchpointType,
      channel: query.versusChannel ?? first.channel,
      segment: query.versusSegment ?? first.segment,
      region: query.versusRegion ?? first.region,
      tier: query.versusTier ?? first.tier,
      language: query.versusLanguage ?? first.language,
      tag: query.versusTag ?? first.tag,
    };
    const versus = Object.entries(query).filter(([key, value]) => key.startsWith('versus') && value !== undefined);
    if (versus.length === 0) {
      throw new NpsQueryError(
        NpsQueryErrorCode.NO_SECOND_SIDE,
        'versusFrom',
        'or another versus… parameter is needed: name a second period (versusFrom, versusTo) or a second group ' +
          '(versusSegment, versusRegion, …)',
      );
    }
    this.check(first);
    this.check(second, 'versus');
    const [a, b] = await Promise.all([this.total(first), this.total(second)]);
    return {
      first: { filter: first, summary: a },
      second: { filter: second, summary: b },
      change: a && b ? compare(a, b) : null,
    };
  }

  /**
   * Drivers of the period; when it is a closed one (from and to), each tag also compares its share of
   * the detractors with the previous period of the same length, to flag rising root causes.
   */
  async drivers(filter: NpsFilter): Promise<{
    overall: NpsSummary | null;
    previousPeriod: { from: string; to: string } | null;
    drivers: Driver[];
  }> {
    this.check(filter);
    const previousPeriod = filter.from && filter.to ? previousPeriodOf(filter.from, filter.to) : null;
    const overall = await this.total(filter);
    if (!overall) return { overall, previousPeriod, drivers: [] };
    const [perTag, previous] = await Promise.all([
      this.tagCounts(filter),
      previousPeriod ? this.periodCounts({ ...filter, ...previousPeriod }) : undefined,
    ]);
    return { overall, previousPeriod, drivers: drivers(overall, perTag, previous) };
  }

  private async tagCounts(filter: NpsFilter): Promise<({ tag: string } & NpsCounts)[]> {
    const rows = await this.reader.counts(filter, ['tag']);
    return rows.map(({ group, ...counts }) => ({ tag: group.tag ?? '', ...counts }));
  }

  private async periodCounts(filter: NpsFilter): Promise<PreviousPeriodCounts> {
    const [all, perTag] = await Promise.all([this.total(filter), this.tagCounts(filter)]);
    return { all: all ?? { promoters: 0, passives: 0, detractors: 0 }, perTag };
  }

  private async total(filter: NpsFilter): Promise<NpsSummary | null> {
    const [row] = await this.reader.counts(filter);
    // The counts alone: the row's period and group (null, {}) are not a total's.
    const { promoters = 0, passives = 0, detractors = 0 } = row ?? {};
    return summarize({ promoters, passives, detractors });
  }

  private check(filter: NpsFilter, prefix = ''): void {
    const name = (field: string) => (prefix ? `${prefix}${field[0].toUpperCase()}${field.slice(1)}` : field);
    if (!this.writer.zones.includes(filter.timeZone)) {
      throw new NpsQueryError(
        NpsQueryErrorCode.TIME_ZONE_NOT_ROLLED_UP,
        'timeZone',
        `must be one of the time zones rolled up (ROLLUP_TIME_ZONES): ${this.writer.zones.join(', ')}`,
      );
    }
    if (filter.from && filter.to && filter.from > filter.to)
      throw new NpsQueryError(NpsQueryErrorCode.PERIOD_REVERSED, name('to'), `must not be before ${name('from')}`);
  }
}

/** The filter part of a query DTO. */
export function filterOf(query: NpsFilter): NpsFilter {
  const { from, to, timeZone, touchpointType, channel, segment, region, tier, language, tag } = query;
  return { from, to, timeZone, touchpointType, channel, segment, region, tier, language, tag };
}
