import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectEntityManager } from '@nestjs/typeorm';
import { Roles, Scopes } from '@nps/auth';
import type { EntityManager } from 'typeorm';
import { TaggingError, TaggingErrorCode } from '../errors/tagging.error';
import { CommentTaggingService } from './comment-tagging.service';
import { RetagSummaryDto } from './retag-summary.dto';
import { TaggedCommentDto } from './tagged-comment.dto';
import { TaggedCommentRepository } from './tagged-comment.repository';
import type { TaggedCommentRecord } from './tagged-comment.record';
import { TaggerRegistry } from './tagger.registry';

@ApiTags('tagging')
@Controller('tagging')
export class TaggingController {
  constructor(
    private readonly tagging: CommentTaggingService,
    private readonly comments: TaggedCommentRepository,
    private readonly registry: TaggerRegistry,
    @InjectEntityManager() private readonly manager: EntityManager,
  ) {}

  /** The latest tagging of a response's comment. */
  @ApiOperation({ summary: 'The stored tagging of one response (404 RESPONSE_NOT_TAGGED)' })
  @Get('responses/:responseId')
  @Roles('lead', 'admin')
  @ApiOkResponse({ type: TaggedCommentDto })
  async response(@Param('responseId') responseId: string): Promise<TaggedCommentRecord> {
    const comment = await this.comments.find(this.manager, responseId);
    if (!comment)
      throw new TaggingError(TaggingErrorCode.RESPONSE_NOT_TAGGED, `response ${responseId} has not been tagged`);
    return comment;
  }

  /**
   * Re-tags every stored comment with the taxonomy and model in use and publishes `response
   * tagged` again for each (same revision, new versions).
   */
  @ApiOperation({ summary: 'Re-tag every comment tagged with older versions, publishing response tagged again' })
  @Post('retag')
  @Roles('admin')
  @Scopes('taxonomy:admin')
  @HttpCode(200)
  @ApiOkResponse({ type: RetagSummaryDto })
  async retag(): Promise<RetagSummaryDto> {
    await this.registry.refresh();
    const retagged = await this.tagging.retagAll();
    const { taxonomyVersion, modelVersion } = this.registry.current();
    return { retagged, taxonomyVersion, modelVersion };
  }
}
