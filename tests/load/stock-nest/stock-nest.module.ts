import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StockEffectsHandler } from './stock-effects.handler';
import { stockNestEnv } from './stock-nest.env';

/** Postgres with the same pool size as our services (libs/persistence), and the one handler. */
@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: stockNestEnv.DATABASE_URL,
      schema: stockNestEnv.BENCH_SCHEMA,
      extra: { max: 10 },
    }),
  ],
  controllers: [StockEffectsHandler],
})
export class StockNestModule {}
