import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { NULLABLE_STRING } from '@nps/runtime';
import { TeamCalendarInputDto } from './team.dto';

/** When a team works; the business hours its deadlines count in. */
export class TeamCalendarDto extends PickType(TeamCalendarInputDto, [
  'timeZone',
  'workingDays',
  'dayStart',
  'dayEnd',
] as const) {
  @ApiProperty({ type: [String], example: ['2026-12-25'], description: 'local dates nobody works' })
  holidays!: string[];
}

/** A team as the caller may see it (ADR 0020). */
export class TeamViewDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ ...NULLABLE_STRING, description: 'member id of the team lead (first escalation level)' })
  leadMemberId!: string | null;

  @ApiProperty({ ...NULLABLE_STRING, description: 'member id for the second escalation level' })
  escalationMemberId!: string | null;

  @ApiProperty({ ...NULLABLE_STRING, description: 'email for the second escalation level when no member is named' })
  escalationEmail!: string | null;

  @ApiProperty({ type: TeamCalendarDto }) calendar!: TeamCalendarDto;
  @ApiProperty({ example: 'nl', description: "language of the team's notifications (BCP 47)" }) language!: string;
  @ApiPropertyOptional({ ...NULLABLE_STRING, description: 'for admins only: the URL is a credential' })
  webhookUrl?: string | null;

  @ApiProperty({ description: 'whether the team has a webhook of its own' }) hasWebhook!: boolean;
  @ApiProperty() version!: number;
}
