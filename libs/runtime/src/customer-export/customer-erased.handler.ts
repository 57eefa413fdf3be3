import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { Topics, type CustomerErased } from '@nps/contracts';
import { EventContext, RejectedEventError } from '@nps/messaging';
import { SchemaTables } from '@nps/persistence';
import type { CustomerDataCatalog } from './customer-data.catalog';
import { eraseCustomerData } from './customer-data.eraser';

export const ERASED_DATA_CATALOG = Symbol('ERASED_DATA_CATALOG');

/**
 * An erased customer's personal text goes from every row of this service that the catalog marks
 * (`erase`); ids, scores and dates stay, so counts do not move. Repeating it changes nothing (ADR 0038).
 */
@Controller()
export class CustomerErasedHandler {
  private readonly logger = new Logger(CustomerErasedHandler.name);

  constructor(
    @Inject(ERASED_DATA_CATALOG) private readonly catalog: CustomerDataCatalog,
    private readonly tables: SchemaTables,
  ) {}

  @EventPattern(Topics.CustomerErased.name)
  async erase(@Payload() event: CustomerErased, @Ctx() context: EventContext): Promise<void> {
    if (!event.customerId) throw new RejectedEventError('customer_id: missing');
    const of = (table: string) => this.tables.of(table);
    const rows = await eraseCustomerData(context.unitOfWork.manager, this.catalog, of, event.customerId);
    this.logger.log({ msg: 'customer erased', customerId: event.customerId, rows });
  }
}
