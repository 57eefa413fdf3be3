import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CHANNEL_NAMES, type ChannelName } from '@nps/contracts';
import { SURVEY_LANGUAGES, type SurveyLanguage } from '@nps/survey-links';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsComment, MAX_COMMENT_LENGTH } from '../answers/answer-text';

/** An answer from an app, kiosk or partner system: with a survey link token, or for a known customer. */
export class CreateResponseDto {
  @ApiPropertyOptional({
    description:
      'Survey link token (the part after /s/). When given, customer, touchpoint, channel and language come from it ' +
      'and the link is used up like on the survey page.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  token?: string;

  @ApiPropertyOptional({ description: 'Our customer id; required without a token.', example: 'c-42' })
  @ValidateIf((dto: CreateResponseDto) => dto.token === undefined)
  @IsString()
  @Length(1, 200)
  customerId?: string;

  @ApiProperty({ minimum: 0, maximum: 10, description: 'The NPS score, an integer from 0 to 10.', example: 9 })
  @IsInt()
  @Min(0)
  @Max(10)
  score: number;

  @ApiPropertyOptional({
    maxLength: MAX_COMMENT_LENGTH,
    description: 'The answer to "Why?".',
    example: 'Quick delivery',
  })
  @IsOptional()
  @IsComment()
  comment?: string;

  @ApiPropertyOptional({
    enum: SURVEY_LANGUAGES,
    description: 'Language the question was asked in; required without a token.',
  })
  @ValidateIf((dto: CreateResponseDto) => dto.token === undefined)
  @IsIn(SURVEY_LANGUAGES)
  language?: SurveyLanguage;

  @ApiPropertyOptional({
    enum: CHANNEL_NAMES,
    description: 'Where the answer was given (without a token; default in_app); any letter case.',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  @IsIn(CHANNEL_NAMES, { message: `channel must be one of ${CHANNEL_NAMES.join(', ')}` })
  channel?: ChannelName;

  @ApiPropertyOptional({ example: 'order-9' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  touchpointId?: string;

  @ApiPropertyOptional({ example: 'order-delivered' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  touchpointType?: string;

  @ApiPropertyOptional({
    description: 'When the customer answered (ISO 8601), e.g. a kiosk that was offline; default: now.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  answeredAt?: string;
}

export class AcceptedResponseDto {
  @ApiProperty({ enum: ['received', 'revised', 'unchanged'] })
  outcome: string;

  @ApiProperty()
  responseId: string;

  @ApiProperty({ description: '0 for the original answer, 1, 2, … for revisions.' })
  revision: number;

  @ApiProperty()
  score: number;

  @ApiProperty()
  comment: string;
}
