import { Body, Controller, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Scopes } from '@nps/auth';
import type { Response } from 'express';
import { IngestionError } from '../errors/ingestion.error';
import { ClientRateLimitGuard } from '../rate-limits/client-rate-limit.guard';
import { AcceptedResponseDto, CreateResponseDto } from './create-response.dto';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_RULE } from './idempotency-key';
import { ResponseApi } from './response-api.service';
import { MAX_BATCH_ANSWERS } from '../answers/answer-batch.limit';
import { CreateResponseBatchDto, ResponseBatchResultDto } from './response-batch.dto';
import { ResponseBatch } from './response-batch.service';

@ApiTags('responses')
@Controller('responses')
export class ResponsesController {
  constructor(
    private readonly api: ResponseApi,
    private readonly batch: ResponseBatch,
  ) {}

  @Post()
  @Scopes('responses:write')
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      `${IDEMPOTENCY_KEY_RULE}; a retry with the same key and body gets the first outcome and publishes ` + 'nothing.',
  })
  @ApiCreatedResponse({
    type: AcceptedResponseDto,
    description: 'Accepted: one `response received` (or `response revised` for a token already answered) is published.',
  })
  @ApiOkResponse({
    type: AcceptedResponseDto,
    description:
      'A retry of an earlier request with this key (header Idempotent-Replayed: true), or an unchanged resubmission.',
  })
  @ApiBadRequestResponse({
    description:
      'A field is invalid (`fields` names it), or the token is malformed, forged, expired, revoked or used up ' +
      '(`code` says which).',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED: the key was used with a different body.' })
  async create(
    @Headers('idempotency-key') key: string | undefined,
    @Body() dto: CreateResponseDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptedResponseDto> {
    if (key === undefined || !IDEMPOTENCY_KEY.test(key))
      throw IngestionError.invalidField('Idempotency-Key', `header is required: ${IDEMPOTENCY_KEY_RULE}`);
    const { answer, replayed } = await this.api.create(key, dto);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(replayed || answer.outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    return answer;
  }

  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @Scopes('responses:write')
  @UseGuards(ClientRateLimitGuard)
  @ApiOkResponse({
    type: ResponseBatchResultDto,
    description:
      `Up to ${MAX_BATCH_ANSWERS} answers, each handled as its own POST /responses would be (its idempotencyKey ` +
      'in place of the header): one result per answer, in order, with the status that request would have got. ' +
      'A refused answer stores nothing and does not hold the others back. Each answer counts against the ' +
      "client's rate limit.",
  })
  @ApiBadRequestResponse({ description: `answers is not an array of 1–${MAX_BATCH_ANSWERS} objects.` })
  async createMany(@Body() dto: CreateResponseBatchDto): Promise<ResponseBatchResultDto> {
    return { results: await this.batch.create(dto.answers) };
  }
}
