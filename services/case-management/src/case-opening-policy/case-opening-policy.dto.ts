import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsNumber, IsString, Max, Min } from 'class-validator';
import { EXCLUDABLE_CHANNELS, MAX_HOLDOUT_SHARE, SOURCE_NAMES, type SourceName } from './case-opening-policy';

/** A new version of the case-opening policy: every setting is given, none is kept from the last version. */
export class PutCaseOpeningPolicyDto {
  @ApiProperty({ example: 14, description: 'answers given longer ago than this many days open no case' })
  @IsInt()
  @Min(1)
  @Max(3650)
  maxAnswerAgeDays!: number;

  @ApiProperty({
    example: ['import'],
    enum: SOURCE_NAMES,
    isArray: true,
    description: 'answers from these sources open no case (an unspecified source never is excluded)',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SOURCE_NAMES.length)
  @IsString({ each: true })
  @IsIn(SOURCE_NAMES, { each: true, message: `excludedSources must each be one of ${SOURCE_NAMES.join(', ')}` })
  excludedSources!: SourceName[];

  @ApiProperty({
    example: [],
    enum: EXCLUDABLE_CHANNELS,
    isArray: true,
    description: 'answers through these channels open no case (an unspecified channel never is excluded)',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(EXCLUDABLE_CHANNELS.length)
  @IsString({ each: true })
  @IsIn(EXCLUDABLE_CHANNELS, {
    each: true,
    message: `excludedChannels must each be one of ${EXCLUDABLE_CHANNELS.join(', ')}`,
  })
  excludedChannels!: string[];

  @ApiProperty({
    example: 0.1,
    minimum: 0,
    maximum: MAX_HOLDOUT_SHARE,
    description:
      'share of the remaining detractors held out (no case) as the control group of the recovery measurement; ' +
      'at most 3 decimals',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 })
  @Min(0)
  @Max(MAX_HOLDOUT_SHARE)
  holdoutShare!: number;
}

/** One version of the policy (OpenAPI schema of the answers). */
export class CaseOpeningPolicyDto extends PutCaseOpeningPolicyDto {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ description: 'member id of the admin who made this version; "platform" for the first' })
  changedBy!: string;
  @ApiProperty(ISO_TIME) changedAt!: string;
}
