import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@nps/auth';
import { ResponseSource } from '@nps/contracts';
import { SurveyAnswers } from '../answers/survey-answers.service';
import { IngestionError, IngestionErrorCode } from '../errors/ingestion.error';
import { InboundSmsDto, SmsReplyAcceptedDto } from './inbound-sms.dto';
import { parseSmsReply } from './sms-reply.parser';

@ApiTags('sms')
@Controller('sms')
export class InboundSmsController {
  constructor(private readonly answers: SurveyAnswers) {}

  /** A gateway that redelivers the same reply gets `unchanged`, not a second response. */
  // The gateway holds no token of ours; it proves itself by its signature (docs/security.md).
  @Post('inbound')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SmsReplyAcceptedDto })
  @ApiBadRequestResponse({
    description: 'SMS_REPLY_UNREADABLE (no score 0–10 at the start of `text`) or a token refusal for `messageRef`.',
  })
  async receive(@Body() sms: InboundSmsDto): Promise<SmsReplyAcceptedDto> {
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
}
