import { Body, Controller, Get, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Roles, Scopes } from '@nps/auth';
import { TaggingError, TaggingErrorCode } from '../errors/tagging.error';
import { AddTagDto, AddTermsDto } from './taxonomy.dto';
import { TaxonomyRepository } from './taxonomy.repository';
import { TaxonomyService } from './taxonomy.service';
import { type TaxonomyTag, taxonomyVersionLabel } from './taxonomy.types';
import type { TaxonomyVersionEntity } from './taxonomy-version.entity';
import { TaxonomyVersionDto, TaxonomyVersionSummaryDto } from './taxonomy-version.dto';

interface TaxonomyView {
  version: number;
  label: string;
  change: string;
  createdAt: Date;
  tags: TaxonomyTag[];
}

/** Admin API of the root-cause taxonomy: every change is a new version; old versions stay readable. */
@ApiTags('taxonomy')
@Roles('admin')
@Scopes('taxonomy:admin')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(
    private readonly taxonomies: TaxonomyRepository,
    private readonly service: TaxonomyService,
  ) {}

  @ApiOperation({ summary: 'The latest taxonomy version with its tags and terms' })
  @Get()
  @Authenticated()
  @ApiOkResponse({ type: TaxonomyVersionDto })
  async latest(): Promise<TaxonomyView> {
    const latest = await this.taxonomies.latest();
    if (!latest) throw new TaggingError(TaggingErrorCode.TAXONOMY_VERSION_NOT_FOUND, 'no taxonomy version yet');
    return view(latest);
  }

  @ApiOperation({ summary: 'Every taxonomy version' })
  @Get('versions')
  @Authenticated()
  @ApiOkResponse({ type: [TaxonomyVersionSummaryDto], description: 'oldest first' })
  async versions(): Promise<{ version: number; label: string; change: string; createdAt: Date }[]> {
    return (await this.taxonomies.list()).map((version) => ({
      ...version,
      label: taxonomyVersionLabel(version.version),
    }));
  }

  @ApiOperation({ summary: 'One taxonomy version, whole' })
  @Get('versions/:version')
  @Authenticated()
  @ApiOkResponse({ type: TaxonomyVersionDto })
  async version(@Param('version', ParseIntPipe) version: number): Promise<TaxonomyView> {
    const found = await this.taxonomies.byVersion(version);
    if (!found) throw new TaggingError(TaggingErrorCode.TAXONOMY_VERSION_NOT_FOUND, `no taxonomy version ${version}`);
    return view(found);
  }

  /** Adds a tag (with terms per language, optional); 409 when the id exists. */
  @ApiOperation({ summary: 'Add a tag (a new version; 409 TAG_ALREADY_EXISTS)' })
  @Post('tags')
  @ApiCreatedResponse({ type: TaxonomyVersionDto, description: 'the new version' })
  async addTag(@Body() request: AddTagDto): Promise<TaxonomyView> {
    return view(await this.service.addTag(request));
  }

  /** Adds terms in one language to a tag; 404 when the tag does not exist. */
  @ApiOperation({ summary: 'Add terms in one language to a tag (a new version; 404 TAG_NOT_FOUND)' })
  @Post('tags/:tagId/terms')
  @ApiCreatedResponse({ type: TaxonomyVersionDto, description: 'the new version' })
  async addTerms(@Param('tagId') tagId: string, @Body() request: AddTermsDto): Promise<TaxonomyView> {
    return view(await this.service.addTerms(tagId, request.language, request.terms));
  }
}

function view(entity: TaxonomyVersionEntity): TaxonomyView {
  return {
    version: entity.version,
    label: taxonomyVersionLabel(entity.version),
    change: entity.change,
    createdAt: entity.createdAt,
    tags: entity.tags,
  };
}
