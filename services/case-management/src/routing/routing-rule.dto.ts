import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { PRIORITIES, type Priority } from '../sla/priority';

export class RuleConditionsDto {
  @ApiPropertyOptional({ example: ['enterprise'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  segments?: string[];

  @ApiPropertyOptional({ example: ['benelux'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  regions?: string[];

  @ApiPropertyOptional({ example: ['gold', 'platinum'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  tiers?: string[];

  @ApiPropertyOptional({ example: ['nl'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  languages?: string[];

  @ApiPropertyOptional({ example: ['order-delivered'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  touchpointTypes?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  minScore?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10)
  maxScore?: number;

  @ApiPropertyOptional({ example: ['delivery'], description: 'any of these root-cause tags known when the case opens' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  anyTags?: string[];
}

export class CreateRoutingRuleDto {
  @ApiProperty({ example: 'enterprise-benelux' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'id must be lower-kebab-case' })
  id: string;

  @ApiProperty({ description: 'rules are tried in ascending position; the first match wins' })
  @IsInt()
  @Min(0)
  position: number;

  @ApiProperty()
  @IsString()
  teamId: string;

  @ApiProperty({ type: RuleConditionsDto })
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions: RuleConditionsDto;

  @ApiPropertyOptional({ enum: PRIORITIES, description: 'overrides the computed priority' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateRoutingRuleDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  position?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  teamId?: string;

  @ApiPropertyOptional({ type: RuleConditionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RuleConditionsDto)
  conditions?: RuleConditionsDto;

  @ApiPropertyOptional({ enum: PRIORITIES, nullable: true })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

/** `POST /routing-rules/preview`: a rule as it would be created or edited, tried against recent cases. */
export class PreviewRoutingRuleDto extends OmitType(CreateRoutingRuleDto, ['id'] as const) {
  @ApiPropertyOptional({
    description: 'the id of the rule being edited (the draft takes its place); none for a new rule',
  })
  @IsOptional()
  @IsString()
  id?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 500, description: 'how many of the newest cases to try' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** A rule as stored, with its version (OpenAPI schema of the answers). */
export class RoutingRuleDto extends PickType(CreateRoutingRuleDto, [
  'id',
  'position',
  'teamId',
  'conditions',
] as const) {
  @ApiProperty({ enum: PRIORITIES, nullable: true, description: 'overrides the computed priority when set' })
  priority!: Priority | null;

  @ApiProperty() enabled!: boolean;
  @ApiProperty() version!: number;
}
