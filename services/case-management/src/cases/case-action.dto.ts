import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OUTCOMES, type Outcome } from './case.record';
import { ROOT_CAUSES } from './root-cause.taxonomy';

const ROOT_CAUSE = new RegExp(`^(${ROOT_CAUSES.join('|')})(\\.[a-z0-9-]+)*$`);

export const CONTACT_CHANNELS = ['call', 'email', 'meeting'] as const;
export const CONTACT_RESULTS = ['reached', 'not_reached'] as const;

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS, { message: `channel must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel: (typeof CONTACT_CHANNELS)[number];

  @ApiProperty({ enum: CONTACT_RESULTS, description: 'reached meets the first-contact deadline; not_reached is an attempt' })
  @IsIn(CONTACT_RESULTS, { message: `result must be one of ${CONTACT_RESULTS.join(', ')}` })
  result: (typeof CONTACT_RESULTS)[number];

  @ApiPropertyOptional({ description: 'what was said; no contact details' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class AddNoteDto {
  @ApiProperty({ description: 'free text; no contact details' })
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(5000)
  note: string;
}

export class ResolveCaseDto {
  @ApiProperty({ example: 'delivery', description: `confirmed root cause: a taxonomy id (${ROOT_CAUSES.join(', ')}) or one below it` })
  @Matches(ROOT_CAUSE, { message: `rootCauseTagId must be a root cause of the taxonomy: ${ROOT_CAUSES.join(', ')}` })
  rootCauseTagId: string;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: `outcome must be one of ${OUTCOMES.join(', ')}` })
  outcome: Outcome;

  @ApiProperty({ description: 'what was found and done' })
  @IsString({ message: 'note must be a text' })
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(5000)
  note: string;
}

export class CloseCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}

export class ReopenCaseDto {
  @ApiProperty({ description: 'why the case is reopened' })
  @IsString()
  @IsNotEmpty({ message: 'note must not be empty' })
  @MaxLength(5000)
  note: string;
}

export class ReassignCaseDto {
  @ApiProperty({ description: 'member id of the new owner; the case moves to their team' })
  @IsString()
  @IsNotEmpty({ message: 'ownerId must not be empty' })
  ownerId: string;

  @ApiProperty({ description: 'why the case changes hands' })
  @IsString()
  @IsNotEmpty({ message: 'reason must not be empty' })
  @MaxLength(2000)
  reason: string;
}
