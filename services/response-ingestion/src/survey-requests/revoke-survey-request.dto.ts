import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class RevokeSurveyRequestDto {
  @ApiPropertyOptional({
    description: 'Why the link is withdrawn, for the audit trail.',
    example: 'sent to the wrong customer',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RevokedSurveyRequestDto {
  @ApiProperty()
  surveyRequestId: string;

  @ApiProperty({ description: 'false when it had been revoked before (revoking is idempotent).' })
  newlyRevoked: boolean;
}
