import { ApiProperty } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';
import { CONFIG_ENTITIES, type ConfigEntity } from './config-change.repository';

/** One version of a team, member, routing rule or SLA policy: who changed what, when, and the result. */
export class ConfigChangeDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: CONFIG_ENTITIES }) entity!: ConfigEntity;
  @ApiProperty({ description: "the team's or member's id, the rule's id or the priority" }) entityId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['created', 'updated', 'deleted'] }) action!: string;
  @ApiProperty({ description: 'member id of who changed it; empty for the default team the service seeded' })
  actorId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the entity after the change; before it, for a deletion',
  })
  snapshot!: object;

  @ApiProperty(ISO_TIME) at!: string;
}
