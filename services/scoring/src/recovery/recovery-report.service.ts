import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NpsQueryError, NpsQueryErrorCode } from '../nps/nps-query.error';
import type { RecoveryGrouping, RecoveryQueryDto } from './recovery-query.dto';
import { type Recovery, RecoveryCalculator } from './recovery.calculator';
import { type MeasuredRow, RecoveryRepository } from './recovery.repository';

export interface RecoveryRow extends Recovery {
  group: { team?: string; rootCause?: string | null };
}

/** Recovery of followed-up against held-out detractors, overall or per team or root cause. */
@Injectable()
export class RecoveryReportService {
  private readonly calculator = new RecoveryCalculator();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly recoveries: RecoveryRepository,
  ) {}

  async report(query: RecoveryQueryDto) {
    if (query.from && query.to && query.from > query.to)
      throw new NpsQueryError(NpsQueryErrorCode.PERIOD_REVERSED, 'to', 'must not be before from');
    const measured = await this.recoveries.measured(this.db.manager, query);
    return {
      from: query.from ?? null,
      to: query.to ?? null,
      timeZone: query.timeZone,
      groupBy: query.groupBy ?? null,
      rows: [...groupsOf(measured, query.groupBy)].map(([key, rows]): RecoveryRow => ({
        group: groupOf(key, query.groupBy),
        ...this.calculator.recovery(rows),
      })),
    };
  }
}

function groupsOf(rows: MeasuredRow[], groupBy?: RecoveryGrouping): Map<string | null, MeasuredRow[]> {
  const keysOf = (row: MeasuredRow): (string | null)[] =>
    groupBy === 'team' ? [row.teamId] : groupBy === 'rootCause' ? (row.tags.length ? row.tags : [null]) : [''];
  const groups = new Map<string | null, MeasuredRow[]>();
  for (const row of rows) for (const key of keysOf(row)) groups.set(key, [...(groups.get(key) ?? []), row]);
  return new Map([...groups].sort(([a], [b]) => (a ?? '\uffff').localeCompare(b ?? '\uffff')));
}

function groupOf(key: string | null, groupBy?: RecoveryGrouping): RecoveryRow['group'] {
  if (groupBy === 'team') return { team: key ?? '' };
  if (groupBy === 'rootCause') return { rootCause: key };
  return {};
}
