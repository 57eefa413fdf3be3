import { Injectable } from '@nestjs/common';
import { SchemaTables } from '@nps/persistence';
import type { EntityManager } from 'typeorm';
import type { CaseStatus } from './case.lifecycle';
import type { CaseSort, SortOrder } from './case-queue.dto';
import { type CaseRecord, toCaseRecord } from './case.record';

export interface CaseListFilter {
  ownerId?: string;
  /** Restricts to these teams; undefined = every team. */
  teamIds?: string[];
  statuses: CaseStatus[];
  priority?: string;
  overdue?: boolean;
  tag?: string;
  customerId?: string;
  responseId?: string;
  openedFrom?: string;
  openedTo?: string;
}

export interface CaseListPage {
  sort: CaseSort;
  order: SortOrder;
  limit: number;
  /** The listing's start (`now()` of its first page); undefined on the first page. */
  asOf?: string;
  /** Sort key values and id of the last case already served. */
  after?: { keys: string[]; id: string };
}

export type ListedCase = CaseRecord & { nextDueAt: Date };

/** The next deadline of a case: first contact until the customer was reached, then resolution. */
const NEXT_DUE = `CASE WHEN first_contacted_at IS NULL THEN first_contact_due_at ELSE resolution_due_at END`;
const PRIORITY_RANK = `CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`;

/** The keyset of each sort (ADR 0027): its expressions, then the case id to break ties. */
const SORT_KEYS: Record<CaseSort, { expression: string; type: string }[]> = {
  opened: [{ expression: 'opened_at', type: 'timestamptz' }],
  deadline: [{ expression: NEXT_DUE, type: 'timestamptz' }],
  priority: [
    { expression: PRIORITY_RANK, type: 'int' },
    { expression: 'opened_at', type: 'timestamptz' },
  ],
};

/** Numbered query parameters collected while a statement is written. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Pages of cases in a stable keyset order with the total (ADR 0027); run both in one snapshot. */
@Injectable()
export class CaseListRepository {
  constructor(private readonly tables: SchemaTables) {}

  /** `now()` as Postgres text: the start of a listing. */
  async now(manager: EntityManager): Promise<string> {
    return (await manager.query(`SELECT now()::text AS now`))[0].now;
  }

  async page(manager: EntityManager, filter: CaseListFilter, page: CaseListPage & { asOf: string }) {
    const params = new Params();
    const keys = SORT_KEYS[page.sort];
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const conditions = this.conditions(filter, page.asOf, params);
    if (page.after) {
      const columns = [...keys.map((key) => key.expression), 'id'];
      const values = [
        ...keys.map((key, i) => `${params.add(page.after?.keys[i])}::${key.type}`),
        `${params.add(page.after.id)}::uuid`,
      ];
      conditions.push(`(${columns.join(', ')}) ${page.order === 'asc' ? '>' : '<'} (${values.join(', ')})`);
    }
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT *, ${NEXT_DUE} AS next_due_at, ${keys.map((key, i) => `(${key.expression})::text AS sort_key_${i}`)}
       FROM ${this.tables.of('cases')} WHERE ${conditions.join(' AND ')}
       ORDER BY ${[...keys.map((key) => key.expression), 'id'].map((column) => `${column} ${direction}`).join(', ')}
       LIMIT ${params.add(page.limit + 1)}`,
      params.values,
    );
    const served = rows.slice(0, page.limit);
    const last = served.at(-1);
    return {
      items: served.map((row): ListedCase => ({ ...toCaseRecord(row), nextDueAt: row.next_due_at as Date })),
      after:
        rows.length > page.limit && last
          ? { keys: keys.map((_, i) => last[`sort_key_${i}`] as string), id: last.id as string }
          : null,
    };
  }

  async total(manager: EntityManager, filter: CaseListFilter, asOf: string): Promise<number> {
    const params = new Params();
    const conditions = this.conditions(filter, asOf, params);
    const [row] = await manager.query(
      `SELECT count(*)::int AS total FROM ${this.tables.of('cases')} WHERE ${conditions.join(' AND ')}`,
      params.values,
    );
    return row.total;
  }

  private conditions(filter: CaseListFilter, asOf: string, params: Params): string[] {
    const conditions = [
      `status = ANY(${params.add(filter.statuses)})`,
      `opened_at <= ${params.add(asOf)}::timestamptz`,
    ];
    const equal = (column: string, value: unknown) => {
      if (value !== undefined) conditions.push(`${column} = ${params.add(value)}`);
    };
    equal('owner_id', filter.ownerId);
    if (filter.teamIds) conditions.push(`team_id = ANY(${params.add(filter.teamIds)}::text[])`);
    equal('priority', filter.priority);
    equal('customer_id', filter.customerId);
    equal('response_id', filter.responseId);
    if (filter.overdue !== undefined) conditions.push(`(${NEXT_DUE} < now()) = ${params.add(filter.overdue)}`);
    if (filter.tag !== undefined) conditions.push(`${params.add(filter.tag)} = ANY(tag_ids)`);
    if (filter.openedFrom) conditions.push(`opened_at >= ${params.add(filter.openedFrom)}::timestamptz`);
    if (filter.openedTo) conditions.push(`opened_at < ${params.add(filter.openedTo)}::timestamptz`);
    return conditions;
  }
}
