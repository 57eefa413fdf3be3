import { Module } from '@nestjs/common';
import { RateLimits } from './rate-limits';

/** Provides RateLimits; the service lists RateLimitTables in its migrations (the counters' table). */
@Module({ providers: [RateLimits], exports: [RateLimits] })
export class RateLimitModule {}
