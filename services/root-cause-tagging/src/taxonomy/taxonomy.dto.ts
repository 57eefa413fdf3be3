import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { TAGGED_LANGUAGES, type TaggedLanguage } from '../text/language';
import type { CuePolarity } from './taxonomy.types';

export class TermDto {
  /** A word or short phrase as customers write it, e.g. "Lieferzeit" or "not on time". */
  @ApiProperty({ example: 'levertijd', minLength: 2, maxLength: 80 })
  @IsString()
  @Length(2, 80)
  @Matches(/\p{L}/u, { message: 'text must contain a letter' })
  text: string;

  /** Set when the term is an opinion about the tag in itself ("expensive": negative). */
  @ApiPropertyOptional({
    enum: ['negative', 'positive'],
    description: 'only for terms that are an opinion in themselves ("expensive": negative)',
  })
  @IsOptional()
  @IsIn(['negative', 'positive'])
  polarity?: CuePolarity;
}

export class TermsByLanguageDto {
  @ApiPropertyOptional({ type: [TermDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  @ArrayMaxSize(200)
  en?: TermDto[];
  @ApiPropertyOptional({ type: [TermDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  @ArrayMaxSize(200)
  nl?: TermDto[];
  @ApiPropertyOptional({ type: [TermDto] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  @ArrayMaxSize(200)
  de?: TermDto[];
}

export class AddTagDto {
  /** Stable id: lower-case words joined by hyphens; never reused. */
  @ApiProperty({ example: 'loyalty-program' })
  @Matches(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, {
    message: 'id must be lower-case words joined by hyphens, e.g. "loyalty-program"',
  })
  @Length(2, 60)
  id: string;

  @ApiProperty({ example: 'Loyalty program' })
  @IsString()
  @Length(2, 120)
  name: string;

  @ApiPropertyOptional({ type: TermsByLanguageDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => TermsByLanguageDto)
  terms?: TermsByLanguageDto;
}

export class AddTermsDto {
  @ApiProperty({ enum: TAGGED_LANGUAGES })
  @IsIn(TAGGED_LANGUAGES)
  language: TaggedLanguage;

  @ApiProperty({ type: [TermDto] })
  @ValidateNested({ each: true })
  @Type(() => TermDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  terms: TermDto[];
}
