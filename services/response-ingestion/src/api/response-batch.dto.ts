import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsString, Matches } from 'class-validator';
import { MAX_BATCH_ANSWERS } from '../answers/answer-batch.limit';
import { AcceptedResponseDto, CreateResponseDto } from './create-response.dto';
import { IDEMPOTENCY_KEY, IDEMPOTENCY_KEY_RULE } from './idempotency-key';

/** One answer of a batch: what `POST /responses` takes, with its Idempotency-Key as a field. */
export class BatchAnswerDto extends CreateResponseDto {
  @ApiProperty({ description: `As the Idempotency-Key header of POST /responses: ${IDEMPOTENCY_KEY_RULE}.` })
  @IsString()
  @Matches(IDEMPOTENCY_KEY, { message: `must be ${IDEMPOTENCY_KEY_RULE}` })
  idempotencyKey: string;
}

/** The answers are validated one by one, so one bad answer is refused on its own (ResponseBatch). */
export class CreateResponseBatchDto {
  @ApiProperty({ type: [BatchAnswerDto], minItems: 1, maxItems: MAX_BATCH_ANSWERS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_ANSWERS)
  @IsObject({ each: true })
  answers: object[];
}

export class BatchAnswerResultDto {
  // `string | null` reflects as Object: the type is named, or the document declares an object.
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The answer's idempotencyKey as sent (null when it was no string).",
  })
  idempotencyKey: string | null;

  @ApiProperty({
    enum: [200, 201, 400, 422],
    description:
      'What POST /responses would have answered for this answer alone: 201 stored, 200 a replay or unchanged, ' +
      '400 refused (see problem), 422 the key was used with a different body.',
  })
  status: number;

  @ApiPropertyOptional({ type: AcceptedResponseDto })
  answer?: AcceptedResponseDto;

  @ApiPropertyOptional({ description: 'True when this is the outcome of an earlier request with the key.' })
  replayed?: boolean;

  @ApiPropertyOptional({ description: 'Problem details (RFC 9457) of a refused answer, as POST /responses gives.' })
  problem?: Record<string, unknown>;
}

export class ResponseBatchResultDto {
  @ApiProperty({ type: [BatchAnswerResultDto], description: "One per answer, in the request's order." })
  results: BatchAnswerResultDto[];
}
