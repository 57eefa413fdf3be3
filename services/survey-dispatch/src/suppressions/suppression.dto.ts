import { ApiProperty } from '@nestjs/swagger';
import { POLICY_REASONS } from '../contact-policy/contact-policy.decision';

export class SuppressionDto {
  @ApiProperty()
  customerId!: string;

  @ApiProperty()
  touchpointId!: string;

  @ApiProperty()
  touchpointType!: string;

  @ApiProperty({
    enum: ['suppressed', 'deferred'],
    description: 'suppressed: no survey; deferred: sent when quiet hours end',
  })
  outcome!: string;

  @ApiProperty({ enum: POLICY_REASONS })
  reason!: string;

  @ApiProperty({ example: 'already surveyed within 30 days' })
  detail!: string;

  @ApiProperty({ type: String, nullable: true })
  deferredUntil!: string | null;

  @ApiProperty({ type: String, nullable: true })
  surveyRequestId!: string | null;

  @ApiProperty()
  recordedAt!: string;
}
