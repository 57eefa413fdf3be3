import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { timestampDate } from '@bufbuild/protobuf/wkt';
import { Topics, type CustomerErased } from '@nps/contracts';
import { EventContext, RejectedEventError } from '@nps/messaging';
import { CustomerDataWriter } from './customer-data.writer';
import { ErasedCustomerRepository } from './erased-customer.repository';

/**
 * survey-dispatch's own erasures come back here: nothing to do then (the endpoint did it all), but
 * a replay, which empties the schema, rebuilds the erased register from the compacted topic, so
 * an erased customer stays suppressed and out of imports (ADR 0038).
 */
@Controller()
export class CustomerErasedHandler {
  constructor(
    private readonly register: ErasedCustomerRepository,
    private readonly eraser: CustomerDataWriter,
  ) {}

  @EventPattern(Topics.CustomerErased.name)
  async erased(@Payload() event: CustomerErased, @Ctx() context: EventContext): Promise<void> {
    if (!event.customerId) throw new RejectedEventError('customer_id: missing');
    const at = event.occurredAt ? timestampDate(event.occurredAt) : new Date();
    const { manager } = context.unitOfWork;
    await this.register.record(manager, event.customerId, Topics.CustomerErased.name, at);
    await this.eraser.erase(manager, event.customerId, at);
  }
}
