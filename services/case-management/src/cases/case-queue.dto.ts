import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { PRIORITIES, type Priority } from '../sla/priority';
import { CASE_STATUSES, type CaseStatus } from './case.lifecycle';

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

  @ApiPropertyOptional({ enum: CASE_STATUSES, description: 'default: open and in progress' })
  @IsOptional()
  @IsIn(CASE_STATUSES, { message: `status must be one of ${CASE_STATUSES.join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @IsOptional()
  @IsIn(PRIORITIES, { message: `priority must be one of ${PRIORITIES.join(', ')}` })
  priority?: Priority;

  @ApiPropertyOptional({ description: 'only cases past their next deadline' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'only cases with this root-cause tag' })
  @IsOptional()
  @IsString()
  tagId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}
