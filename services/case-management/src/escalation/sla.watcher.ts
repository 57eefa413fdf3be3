import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DueWorkPoller, InfrastructureOutages } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import { SlaEscalator } from './sla.escalator';

/** Escalates breached deadlines every SLA_WATCH_INTERVAL_MS when SLA_WATCH_ENABLED; safe with several instances. */
@Injectable()
export class SlaWatcher extends DueWorkPoller implements OnApplicationBootstrap {
  private readonly enabled: boolean;

  constructor(escalator: SlaEscalator, env: CaseManagementEnv, outages: InfrastructureOutages) {
    super(outages, {
      name: 'SLA watcher',
      workers: 1,
      pollMs: env.SLA_WATCH_INTERVAL_MS,
      processNext: () => escalator.escalateDueBatch(),
    });
    this.enabled = env.SLA_WATCH_ENABLED === 'true';
  }

  override onApplicationBootstrap(): void {
    if (this.enabled) super.onApplicationBootstrap();
  }
}
