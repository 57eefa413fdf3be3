import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@nps/auth';
import { DataSource } from 'typeorm';
import { seesTeam, visibleTeams } from '../access/team-access';
import { CaseErrorCode } from '../errors/case-error.code';
import { CaseError } from '../errors/case.error';
import { decodeCursor, encodeCursor, filtersFingerprint } from './case-cursor';
import { type CaseListFilter, CaseListRepository, type ListedCase } from './case-list.repository';
import type { CaseQueueQuery, CaseSort, SortOrder } from './case-queue.dto';
import { CASE_STATUSES } from './case.lifecycle';

const ALL_STATUSES = [...CASE_STATUSES];
/** Postgres: invalid text representation, invalid datetime format, datetime field overflow. */
const MALFORMED_VALUE = new Set(['22P02', '22007', '22008']);

const invalidCursor = () =>
  new CaseError(
    CaseErrorCode.INVALID_CURSOR,
    'cursor: not a cursor of this listing; pass nextCursor unchanged, with the same filters and sort',
    { field: 'cursor' },
  );
const DEFAULT_ORDER: Record<CaseSort, SortOrder> = { opened: 'desc', deadline: 'asc', priority: 'desc' };

export interface CaseListing {
  items: ListedCase[];
  total: number;
  nextCursor: string | null;
}

/** `GET /cases`: one page of a keyset listing, within the caller's teams (ADR 0020, ADR 0027). */
@Injectable()
export class CaseListService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cases: CaseListRepository,
  ) {}

  async list(query: CaseQueueQuery, principal: Principal): Promise<CaseListing> {
    if (query.teamId && !seesTeam(principal, query.teamId)) {
      throw new CaseError(CaseErrorCode.FORBIDDEN, `team ${query.teamId} is not one of yours`);
    }
    const filter = this.filterOf(query, principal);
    const sort = query.sort ?? 'opened';
    const order = query.order ?? DEFAULT_ORDER[sort];
    const fingerprint = filtersFingerprint({ filter, sort, order });
    const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (cursor === null || (cursor && cursor.filters !== fingerprint)) throw invalidCursor();
    const limit = query.limit ?? 50;
    // One snapshot, so the page and its total agree.
    const listing = this.db.transaction('REPEATABLE READ', async (manager) => {
      const asOf = cursor?.asOf ?? (await this.cases.now(manager));
      const page = await this.cases.page(manager, filter, { sort, order, limit, asOf, after: cursor });
      const total = await this.cases.total(manager, filter, asOf);
      const nextCursor = page.after
        ? encodeCursor({ sort, order, keys: page.after.keys, id: page.after.id, asOf, filters: fingerprint })
        : null;
      return { items: page.items, total, nextCursor };
    });
    // A hand-made cursor with the right fingerprint but values Postgres cannot read is still the caller's mistake.
    return listing.catch((error: { code?: string }) => {
      if (cursor && MALFORMED_VALUE.has(error.code ?? '')) throw invalidCursor();
      throw error;
    });
  }

  /** The case of a response, when the caller may see it; 404 otherwise (ADR 0027). */
  async byResponse(responseId: string, principal: Principal): Promise<ListedCase> {
    const found = await this.db.transaction('REPEATABLE READ', async (manager) => {
      const filter: CaseListFilter = { responseId, teamIds: visibleTeams(principal), statuses: ALL_STATUSES };
      const asOf = await this.cases.now(manager);
      return (await this.cases.page(manager, filter, { sort: 'opened', order: 'desc', limit: 1, asOf })).items[0];
    });
    if (!found) throw new CaseError(CaseErrorCode.CASE_NOT_FOUND, `no case of response ${responseId} in your teams`);
    return found;
  }

  private filterOf(query: CaseQueueQuery, principal: Principal): CaseListFilter {
    return {
      ownerId: (query.scope ?? 'mine') === 'mine' ? principal.subject : undefined,
      // 'mine' too: a case the caller still owns in a team they left is that team's now
      teamIds: query.teamId ? [query.teamId] : visibleTeams(principal),
      statuses: query.status?.length ? [...new Set(query.status)].sort() : ['in_progress', 'open'],
      priority: query.priority,
      overdue: query.overdue,
      tag: query.tag ?? query.tagId,
      customerId: query.customerId,
      responseId: query.responseId,
      openedFrom: query.openedFrom,
      openedTo: query.openedTo,
    };
  }
}
