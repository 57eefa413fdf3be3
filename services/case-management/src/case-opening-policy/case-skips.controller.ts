import { Controller, Get, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nps/auth';
import { DataSource } from 'typeorm';
import { filtersFingerprint } from '../cases/case-cursor';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import {
  CaseSkipListQuery,
  CaseSkipPageDto,
  CaseSkipPeriodQuery,
  CaseSkipSummaryDto,
  SKIP_REASONS,
} from './case-skip.dto';
import { type CaseSkip, type CaseSkipPosition, CaseSkipRepository } from './case-skip.repository';

/** Detractors that opened no case, and why (docs/outer-loop.md, "Case-opening policy"). */
@ApiTags('case skips')
@Roles('analyst', 'lead', 'admin')
@Controller('case-skips')
export class CaseSkipsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly skips: CaseSkipRepository,
  ) {}

  @Get('summary')
  @ApiOkResponse({ type: CaseSkipSummaryDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  async summary(@Query() query: CaseSkipPeriodQuery): Promise<CaseSkipSummaryDto> {
    const counts = await this.skips.countByReason(this.db.manager, period(query));
    const byReason = Object.fromEntries(SKIP_REASONS.map((reason) => [reason, counts[reason] ?? 0]));
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return { total, byReason, since: query.since ?? null, until: query.until ?? null };
  }

  @Get()
  @ApiOkResponse({ type: CaseSkipPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED, or INVALID_CURSOR: a cursor of another listing' })
  async list(
    @Query() query: CaseSkipListQuery,
  ): Promise<{ items: CaseSkip[]; total: number; nextCursor: string | null }> {
    const filter = { ...period(query), reason: query.reason };
    const filters = filtersFingerprint({ reason: query.reason, since: query.since, until: query.until });
    const after = query.cursor ? decode(query.cursor, filters) : null;
    // Page and total in one snapshot, so that they agree (as the case listing, ADR 0027).
    const page = await this.db.transaction('REPEATABLE READ', (manager) =>
      this.skips.page(manager, filter, query.limit ?? 50, after),
    );
    return { items: page.items, total: page.total, nextCursor: page.next ? encode(page.next, filters) : null };
  }
}

function period(query: CaseSkipPeriodQuery): { since?: Date; until?: Date } {
  return {
    since: query.since ? new Date(query.since) : undefined,
    until: query.until ? new Date(query.until) : undefined,
  };
}

function encode(position: CaseSkipPosition, filters: string): string {
  return Buffer.from(JSON.stringify({ v: 1, ...position, f: filters })).toString('base64url');
}

function decode(text: string, filters: string): CaseSkipPosition {
  let raw: Record<string, unknown> | null = null;
  try {
    raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    raw = null;
  }
  const valid =
    raw?.v === 1 &&
    raw.f === filters &&
    typeof raw.skippedAt === 'string' &&
    typeof raw.asOf === 'string' &&
    typeof raw.id === 'string' &&
    /^\d{1,19}$/.test(raw.id) &&
    !Number.isNaN(Date.parse(raw.skippedAt)) &&
    !Number.isNaN(Date.parse(raw.asOf));
  if (!valid || !raw)
    throw new CaseError(CaseErrorCode.INVALID_CURSOR, 'cursor: not a cursor of this listing and these filters', {
      field: 'cursor',
    });
  return { skippedAt: raw.skippedAt as string, id: raw.id as string, asOf: raw.asOf as string };
}
