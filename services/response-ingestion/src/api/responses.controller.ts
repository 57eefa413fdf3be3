import { Body, Controller, Headers, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
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
import { ResponseApi } from './response-api.service';

const KEY = /^[\x21-\x7e]{8,200}$/;

@ApiTags('responses')
@Controller('responses')
export class ResponsesController {
  constructor(private readonly api: ResponseApi) {}

  @Post()
  @Scopes('responses:write')
  @UseGuards(ClientRateLimitGuard)
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description:
      '8–200 printable ASCII characters, unique per answer; a retry with the same key and body gets the first ' +
      'outcome and publishes nothing.',
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
    if (key === undefined || !KEY.test(key))
      throw IngestionError.invalidField(
        'Idempotency-Key',
        'header is required: 8–200 printable ASCII characters, unique per answer',
      );
    const { answer, replayed } = await this.api.create(key, dto);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    res.status(replayed || answer.outcome === 'unchanged' ? HttpStatus.OK : HttpStatus.CREATED);
    return answer;
  }
}
