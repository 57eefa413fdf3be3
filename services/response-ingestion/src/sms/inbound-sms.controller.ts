import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import { OptOutSource, ResponseSource } from '@nps/contracts';
import { ApiExtraModels, getSchemaPath } from '@nestjs/swagger';
import { SurveyAnswers } from '../answers/survey-answers.service';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import { CustomerOptOuts } from '../opt-outs/customer-opt-outs.service';
import { UNSUBSCRIBE_TEXTS } from '../unsubscribe/unsubscribe-page.texts';
import { InboundSmsDto, SmsOptOutDto, SmsReplyAcceptedDto } from './inbound-sms.dto';
import { parseSmsReply } from './sms-reply.parser';
import { isStopKeyword } from './stop-keyword.parser';

@ApiTags('sms')
@Controller('sms')
export class InboundSmsController {
  constructor(
    private readonly answers: SurveyAnswers,
    private readonly optOuts: CustomerOptOuts,
  ) {}

  /** A gateway that redelivers the same reply gets `unchanged`, not a second response. */
  // The gateway holds no token of ours; it proves itself by its signature (docs/security.md).
  @Post('inbound')
  @Public()
  @HttpCode(200)
  @ApiExtraModels(SmsReplyAcceptedDto, SmsOptOutDto)
  @ApiOkResponse({
    description: 'The answer taken, or for a stop keyword (STOP, STOPP, UNSUBSCRIBE) the opt-out and a reply to send.',
    schema: { oneOf: [{ $ref: getSchemaPath(SmsReplyAcceptedDto) }, { $ref: getSchemaPath(SmsOptOutDto) }] },
  })
  @ApiBadRequestResponse({
    description: 'SMS_REPLY_UNREADABLE (no score 0–10 at the start of `text`) or a token refusal for `messageRef`.',
  })
  async receive(@Body() sms: InboundSmsDto): Promise<SmsReplyAcceptedDto | SmsOptOutDto> {
    if (isStopKeyword(sms.text)) return this.stop(sms);
    const reply = parseSmsReply(sms.text);
    if (!reply) {
      throw new IngestionError(
        IngestionErrorCode.SmsReplyUnreadable,
        'text: no score from 0 to 10 at the start of the reply',
        [
          {
            field: 'text',
            reason: 'must start with a score from 0 to 10, as a number or a word (e.g. "9", "nine", "negen", "neun")',
          },
        ],
      );
    }
    const accepted = await this.answers.submit(
      sms.messageRef,
      { score: reply.score, comment: reply.comment || undefined },
      ResponseSource.SMS,
    );
    return {
      outcome: accepted.outcome,
      responseId: accepted.responseId,
      score: accepted.score,
      comment: accepted.comment,
    };
  }

  /** STOP opts out of every channel, even after the survey closed; a repeated STOP answers the same (ADR 0034). */
  private async stop(sms: InboundSmsDto): Promise<SmsOptOutDto> {
    const claims = this.optOuts.verify(sms.messageRef, 'answer');
    await this.optOuts.optOut(claims, OptOutSource.SMS_KEYWORD);
    return { outcome: 'opted-out', reply: UNSUBSCRIBE_TEXTS[claims.language].done };
  }
}
