import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength } from 'class-validator';
import { IsComment } from '../answers/answer-text';

/**
 * An SMS reply as the gateway forwards it. No phone number: the gateway echoes the reference we
 * gave the outbound SMS, which survey-dispatch sets to the survey link token.
 */
export class InboundSmsDto {
  @ApiProperty({ description: 'Reference of the outbound survey SMS this replies to: its survey link token.' })
  @IsString()
  @Length(1, 2000)
  messageRef: string;

  @ApiProperty({
    description: 'The reply as typed, e.g. "9", "9 great service", "nine", "negen", "neun".',
    example: '9 great service',
  })
  @IsString()
  @MaxLength(5100)
  @IsComment({ message: 'text: is not valid text' })
  text: string;
}

export class SmsReplyAcceptedDto {
  @ApiProperty({ enum: ['received', 'revised', 'unchanged'] })
  outcome: string;

  @ApiProperty()
  responseId: string;

  @ApiProperty()
  score: number;

  @ApiProperty()
  comment: string;
}

/** A stop keyword: the customer is opted out of surveys; `reply` is the confirmation for the gateway to text back. */
export class SmsOptOutDto {
  @ApiProperty({ enum: ['opted-out'] })
  outcome: 'opted-out';

  @ApiProperty({ example: 'We will not send you any more surveys.' })
  reply: string;
}
