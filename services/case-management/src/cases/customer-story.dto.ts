import { ApiExtraModels, ApiProperty, getSchemaPath, PickType } from '@nestjs/swagger';
import { ISO_TIME, NULLABLE_ISO_TIME } from '@nps/runtime';
import { CaseDto } from './case.dto';

export class CustomerFactsDto extends PickType(CaseDto, ['segment', 'region', 'tier', 'language'] as const) {
  @ApiProperty({ description: "the account owner's member id; empty when the customer has none or is not known yet" })
  accountOwnerId!: string;
}

export class CustomerScoreDto extends PickType(CaseDto, ['responseId', 'revision', 'score'] as const) {
  @ApiProperty({ ...NULLABLE_ISO_TIME, description: 'for the answer behind a case: when the case opened' })
  answeredAt!: string | null;
}

/** The comment of a case the caller may see. */
export class CustomerCommentDto extends PickType(CaseDto, ['responseId', 'comment', 'tagIds'] as const) {
  @ApiProperty({ ...ISO_TIME, description: 'when the case opened' }) at!: string;
}

/** Another case of the customer, in one of the caller's teams. */
export class PreviousCaseDto extends PickType(CaseDto, [
  'id',
  'responseId',
  'teamId',
  'ownerId',
  'status',
  'score',
  'openedAt',
  'resolvedAt',
  'outcome',
  'rootCauseTagId',
  'tagIds',
] as const) {}

/** Another case of the customer, in a team the caller does not see: when, how far it got and where (ADR 0020). */
export class RedactedCaseDto extends PickType(CaseDto, ['openedAt', 'status', 'teamId'] as const) {
  @ApiProperty({ enum: [true] }) redacted!: true;
}

/** The customer behind a case, as the caller may see them (ADR 0020). */
@ApiExtraModels(PreviousCaseDto, RedactedCaseDto)
export class CustomerStoryDto {
  @ApiProperty() customerId!: string;
  @ApiProperty({ description: 'empty until the customer is known' }) name!: string;
  @ApiProperty({ type: CustomerFactsDto }) facts!: CustomerFactsDto;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { plan: 'pro' } })
  crmAttributes!: Record<string, string>;

  @ApiProperty({ type: [CustomerScoreDto], description: 'every score of the customer, oldest first' })
  scores!: CustomerScoreDto[];

  @ApiProperty({ type: [CustomerCommentDto], description: "the comments of the customer's cases the caller may see" })
  comments!: CustomerCommentDto[];

  @ApiProperty({
    type: 'array',
    items: { oneOf: [{ $ref: getSchemaPath(PreviousCaseDto) }, { $ref: getSchemaPath(RedactedCaseDto) }] },
    description: "the customer's other cases, oldest first; redacted when of a team the caller does not see",
  })
  previousCases!: (PreviousCaseDto | RedactedCaseDto)[];
}
