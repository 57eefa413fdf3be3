import { Module } from '@nestjs/common';
import { BaseEnv, ConfigError } from '@nps/config';
import { OutboundClient } from './outbound.client';
import { hasOutboundSettings } from './outbound.env';
import { OutboundPolicy } from './outbound.policy';

/** Provides an OutboundClient to a service whose env class extends WithOutboundSettings(...). */
@Module({
  providers: [
    {
      provide: OutboundClient,
      inject: [BaseEnv],
      useFactory: (env: BaseEnv) => {
        if (!hasOutboundSettings(env))
          throw new ConfigError('OutboundModule needs a service env class that extends WithOutboundSettings(...)');
        return new OutboundClient(OutboundPolicy.fromEnv(env));
      },
    },
  ],
  exports: [OutboundClient],
})
export class OutboundModule {}
