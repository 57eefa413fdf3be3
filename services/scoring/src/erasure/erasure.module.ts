import { Module } from '@nestjs/common';
import { CustomerErasedHandler } from './customer-erased.handler';

/** Blanks an erased customer's personal text (`customer erased`, ADR 0038). */
@Module({ controllers: [CustomerErasedHandler] })
export class ErasureModule {}
