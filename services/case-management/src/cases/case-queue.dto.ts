import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PRIORITIES, type Priority } from '../sla/priority';
import { CASE_STATUSES, type CaseStatus } from './case.lifecycle';

export const CASE_SORTS = ['opened', 'deadline', 'priority'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export const MAX_PAGE_SIZE = 1000;

/** `status=open,resolved` and `status=open&status=resolved` alike. */
const listOf = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).filter(Boolean);

/** Filters, sort and page of `GET /cases` (docs/case-management.md, ADR 0027). */
export class CaseQueueQuery {
  @ApiPropertyOptional({
    enum: ['mine', 'team'],
    default: 'mine',
    description: 'my cases, or the cases of my teams (all teams for an admin)',
  })
  @IsOptional()
  @IsIn(['mine', 'team'], { message: 'scope must be mine or team' })
  scope?: 'mine' | 'team';

  @ApiPropertyOptional({ description: 'only this team (one of yours, unless admin)' })
  @IsOptional()
  @IsString()
  teamId?: string;

  @ApiPropertyOptional({ description: 'only the cases of this customer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  customerId?: string;

  @ApiPropertyOptional({ description: 'only the case of this response (see also GET /cases/by-response/{id})' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  responseId?: string;

  @ApiPropertyOptional({
    enum: CASE_STATUSES,
    isArray: true,
    description: 'one or more, repeated or comma-separated; default: open and in_progress',
  })
  @IsOptional()
  @Transform(listOf)
  @IsIn(CASE_STATUSES, { each: true, message: `status must be one or more of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus[];

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @ApiPropertyOptional({ description: 'only cases past their next deadline (true) or not yet (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'only cases with this root-cause tag' })
  @IsOptional()
  @IsString()
  tag?: string;

  @ApiPropertyOptional({ deprecated: true, description: 'the former name of `tag`' })
  @IsOptional()
  @IsString()
  tagId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'only cases opened at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'openedFrom must be an ISO 8601 date or date-time' })
  openedFrom?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'only cases opened before this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'openedTo must be an ISO 8601 date or date-time' })
  openedTo?: string;

  @ApiPropertyOptional({
    enum: CASE_SORTS,
    default: 'opened',
    description: 'opened: when the case was opened; deadline: the next deadline; priority: then newest opened',
  })
  @IsOptional()
  @IsIn(CASE_SORTS, { message: `sort must be one of ${CASE_SORTS.join(', ')}` })
  sort?: CaseSort;

  @ApiPropertyOptional({
    enum: SORT_ORDERS,
    description: 'default: desc for opened (newest first) and priority (most urgent first), asc for deadline',
  })
  @IsOptional()
  @IsIn(SORT_ORDERS, { message: 'order must be asc or desc' })
  order?: SortOrder;

  @ApiPropertyOptional({ default: 50, maximum: MAX_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({
    description: 'nextCursor of the previous page, with the same filters and sort; opaque',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
