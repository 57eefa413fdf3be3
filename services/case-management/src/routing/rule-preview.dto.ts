import { ApiExtraModels, ApiProperty, getSchemaPath, PickType } from '@nestjs/swagger';
import { CaseDto } from '../cases/case.dto';

/** A recent case the draft matches, in one of the caller's teams: with the facts it was routed on. */
export class PreviewedCaseDto extends PickType(CaseDto, [
  'id',
  'openedAt',
  'score',
  'segment',
  'region',
  'tier',
  'language',
  'touchpointType',
  'tagIds',
] as const) {
  @ApiProperty({ description: 'the team the case is in now' }) teamId!: string;
  @ApiProperty({ description: 'whether the draft, at its position among the current rules, would route the case' })
  wins!: boolean;

  @ApiProperty({ description: "the team the case would go to with the draft in place (the draft's, or another)" })
  routedTo!: string;

  @ApiProperty({ enum: [false] }) redacted!: false;
}

/** A recent case the draft matches, of a team the caller does not see: only when, where and whether (ADR 0020). */
export class RedactedPreviewedCaseDto extends PickType(PreviewedCaseDto, [
  'openedAt',
  'teamId',
  'wins',
  'routedTo',
] as const) {
  @ApiProperty({ enum: [true] }) redacted!: true;
}

/** `POST /routing-rules/preview`: what a draft rule would do to the newest cases (nothing is stored). */
@ApiExtraModels(PreviewedCaseDto, RedactedPreviewedCaseDto)
export class RulePreviewDto {
  @ApiProperty({ description: 'how many recent cases were tried' }) considered!: number;
  @ApiProperty({ description: "how many of them the draft's conditions match" }) matched!: number;
  @ApiProperty({ description: 'how many the draft would route (an earlier enabled rule takes the others)' })
  won!: number;

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(PreviewedCaseDto) }, { $ref: getSchemaPath(RedactedPreviewedCaseDto) }] },
    description: 'the matched cases, newest first',
  })
  cases!: (PreviewedCaseDto | RedactedPreviewedCaseDto)[];
}
