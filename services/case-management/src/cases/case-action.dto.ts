import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OUTCOMES, type Outcome } from './case.record';

/** The shape of a root-cause id; whether the taxonomy knows it is checked against its projection (RootCauseCheck). */
const ROOT_CAUSE_SHAPE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z0-9-]+)*$/;

export const CONTACT_CHANNELS = ['call', 'email', 'meeting'] as const;
export const CONTACT_RESULTS = ['reached', 'not_reached'] as const;

export class LogContactDto {
  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS, { message: `channel must be one of ${CONTACT_CHANNELS.join(', ')}` })
  channel: (typeof CONTACT_CHANNELS)[number];

  @ApiProperty({
    enum: CONTACT_RESULTS,
    description: 'reached meets the first-contact deadline; not_reached is an attempt',
  })
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
  @ApiProperty({
    example: 'delivery',
    description:
      'confirmed root cause: a tag id of the current taxonomy (GET /root-causes) or one below it (`delivery.late`)',
  })
  @Matches(ROOT_CAUSE_SHAPE, {
    message: 'rootCauseTagId must be a root-cause tag id such as "delivery", or one below it such as "delivery.late"',
  })
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
