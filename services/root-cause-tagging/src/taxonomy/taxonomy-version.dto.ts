import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ISO_TIME } from '@nps/runtime';
import type { CuePolarity } from './taxonomy.types';

/** A term as stored: trimmed, and those of the initial taxonomy never went through `TermDto`'s checks. */
export class TaxonomyTermDto {
  @ApiProperty({ example: 'levertijd' }) text!: string;
  @ApiPropertyOptional({
    enum: ['negative', 'positive'],
    description: 'only for terms that are an opinion in themselves ("expensive": negative)',
  })
  polarity?: CuePolarity;
}

export class TaxonomyTermsDto {
  @ApiProperty({ type: [TaxonomyTermDto] }) en!: TaxonomyTermDto[];
  @ApiProperty({ type: [TaxonomyTermDto] }) nl!: TaxonomyTermDto[];
  @ApiProperty({ type: [TaxonomyTermDto] }) de!: TaxonomyTermDto[];
}

/** One root cause of the taxonomy. */
export class TaxonomyTagDto {
  @ApiProperty({ example: 'delivery', description: 'stable id, never reused' }) id!: string;
  @ApiProperty({ example: 'Delivery' }) name!: string;
  @ApiProperty({ type: TaxonomyTermsDto, description: 'terms per language' }) terms!: TaxonomyTermsDto;
}

/** A taxonomy version without its tags (`GET /taxonomy/versions`). */
export class TaxonomyVersionSummaryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'taxonomy-2', description: 'the version string `response tagged` carries' })
  label!: string;

  @ApiProperty({ example: 'added tag loyalty-program', description: 'what changed from the version before' })
  change!: string;

  @ApiProperty(ISO_TIME) createdAt!: string;
}

/** One taxonomy version, whole. */
export class TaxonomyVersionDto extends TaxonomyVersionSummaryDto {
  @ApiProperty({ type: [TaxonomyTagDto] }) tags!: TaxonomyTagDto[];
}
