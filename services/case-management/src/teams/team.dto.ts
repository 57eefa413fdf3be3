import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { NOTIFICATION_LANGUAGES } from '../notifications/notification.messages';
import { IsBcp47Language } from './bcp47-language.validator';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** When a team works: the business hours its deadlines count in. */
export class TeamCalendarInputDto {
  @ApiProperty({ example: 'Europe/Amsterdam', description: 'IANA time zone of the business hours' })
  @IsString()
  timeZone: string;

  @ApiProperty({ type: [Number], example: [1, 2, 3, 4, 5], description: 'ISO weekdays, 1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  workingDays: number[];

  @ApiProperty({ example: '09:00' })
  @Matches(TIME, { message: 'dayStart must be HH:mm' })
  dayStart: string;

  @ApiProperty({ example: '17:00' })
  @Matches(TIME, { message: 'dayEnd must be HH:mm (24:00 for midnight)' })
  dayEnd: string;

  @ApiPropertyOptional({ example: ['2026-12-25'], description: 'local dates nobody works' })
  @IsOptional()
  @IsArray()
  @Matches(DATE, { each: true, message: 'holidays must be yyyy-MM-dd dates' })
  holidays?: string[];
}

const LANGUAGE =
  `language of the team's notifications (BCP 47); ${NOTIFICATION_LANGUAGES.join(', ')} have their own ` +
  'text, others get English';

export class CreateTeamDto {
  @ApiProperty({ example: 'benelux-care' })
  @Matches(ID, { message: 'id must be lower-kebab-case' })
  id: string;

  @ApiProperty({ example: 'Benelux customer care' })
  @IsString()
  @MinLength(1)
  name: string;

  @ApiProperty({ type: TeamCalendarInputDto })
  @IsObject()
  @ValidateNested()
  @Type(() => TeamCalendarInputDto)
  calendar: TeamCalendarInputDto;

  @ApiPropertyOptional({ description: 'member id of the team lead (first escalation level)' })
  @IsOptional()
  @IsString()
  leadMemberId?: string;

  @ApiPropertyOptional({ description: 'member id for the second escalation level' })
  @IsOptional()
  @IsString()
  escalationMemberId?: string;

  @ApiPropertyOptional({ description: 'email for the second escalation level when no member is named' })
  @IsOptional()
  @IsEmail()
  escalationEmail?: string;

  @ApiPropertyOptional({ example: 'nl', default: 'en', description: LANGUAGE })
  @IsOptional()
  @IsString()
  @IsBcp47Language()
  language?: string;

  @ApiPropertyOptional({ description: 'Slack-compatible incoming webhook of the team' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  webhookUrl?: string;
}

/** A change of a team's business hours: the fields given replace the team's, the others stay. */
export class TeamCalendarChangeDto extends PartialType(TeamCalendarInputDto) {}

export class UpdateTeamDto extends PartialType(OmitType(CreateTeamDto, ['id', 'calendar', 'language'] as const)) {
  @ApiPropertyOptional({ type: TeamCalendarChangeDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => TeamCalendarChangeDto)
  calendar?: TeamCalendarChangeDto;

  // Without CreateTeamDto's default: a change that leaves the language out keeps the team's.
  @ApiPropertyOptional({
    example: 'nl',
    description: `${LANGUAGE}; left out, the team keeps its language`,
  })
  @IsOptional()
  @IsString()
  @IsBcp47Language()
  language?: string;
}

export class CreateMemberDto {
  @ApiProperty({ example: 'anna' })
  @Matches(ID, { message: 'id must be lower-kebab-case' })
  id: string;

  @ApiProperty({ example: 'Anna de Vries' })
  @IsString()
  @MinLength(1)
  name: string;

  @ApiProperty({ example: 'anna@example.com' })
  @IsEmail()
  email: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  available?: boolean;
}

export class UpdateMemberDto {
  @ApiPropertyOptional({ description: 'false while on leave: routing skips the member' })
  @IsOptional()
  @IsBoolean()
  available?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ description: 'move the member to another team (admin)' })
  @IsOptional()
  @Matches(ID, { message: 'teamId must be lower-kebab-case' })
  teamId?: string;
}
