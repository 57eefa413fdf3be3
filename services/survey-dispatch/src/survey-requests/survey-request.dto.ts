import { ApiProperty } from '@nestjs/swagger';
import { DELIVERY_CHANNEL_NAMES, type DeliveryChannelName } from '../delivery/delivery.channels';

export class SurveyRequestDto {
  @ApiProperty() id!: string;
  @ApiProperty() customerId!: string;
  @ApiProperty() touchpointId!: string;
  @ApiProperty() touchpointType!: string;
  @ApiProperty({ enum: DELIVERY_CHANNEL_NAMES }) channel!: DeliveryChannelName;
  @ApiProperty({ enum: ['en', 'nl', 'de'] }) language!: string;
  @ApiProperty({ enum: ['touchpoint', 'api', 'recovery'] }) origin!: string;
  @ApiProperty({ enum: ['scheduled', 'sent', 'reminded', 'answered', 'expired', 'failed'] }) status!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['send', 'remind', 'expire'] }) nextAction!: string | null;
  @ApiProperty({ type: String, nullable: true }) dueAt!: string | null;
  @ApiProperty({ description: 'Delivery attempts of the current step' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Last delivery error (no contact details)' }) lastError!:
    string | null;
  @ApiProperty() requestedAt!: string;
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
}
