import { Module } from '@nestjs/common';
import { AuthModule } from '@nps/auth';
import { PrivacyModule } from '@nps/privacy';
import { CustomerErasureModule, CustomerExportModule, ServiceModule } from '@nps/runtime';
import { ConfigChangeRepository } from './activity/config-change.repository';
import { ConfigChangesController } from './activity/config-changes.controller';
import { AccountRiskRepository } from './accounts/account-risk.repository';
import { AccountRiskService } from './accounts/account-risk.service';
import { CaseEnrichmentService } from './case-intake/case-enrichment.service';
import { CaseIntakeHandler } from './case-intake/case-intake.handler';
import { CaseAssigner } from './case-intake/case.assigner';
import { CaseOpeningService } from './case-intake/case-opening.service';
import { CaseOpeningPolicyController } from './case-opening-policy/case-opening-policy.controller';
import { CaseOpeningPolicyRepository } from './case-opening-policy/case-opening-policy.repository';
import { CaseOpeningPolicyService } from './case-opening-policy/case-opening-policy.service';
import { CaseSkipRepository } from './case-opening-policy/case-skip.repository';
import { CaseSkipsController } from './case-opening-policy/case-skips.controller';
import { ResponseEnrichmentRepository } from './case-intake/response-enrichment.repository';
import { CaseActionsService } from './cases/case-actions.service';
import { CaseListService } from './cases/case-list.service';
import { CaseQueriesService } from './cases/case-queries.service';
import { CaseListRepository } from './cases/case-list.repository';
import { CaseViewRepository } from './cases/case-view.repository';
import { CaseRepository } from './cases/case.repository';
import { CasesController } from './cases/cases.controller';
import { CustomerRepository } from './customers/customer.repository';
import { ImprovementActionsModule } from './improvement-actions/improvement-actions.module';
import { SlaEscalator } from './escalation/sla.escalator';
import { SlaWatcher } from './escalation/sla.watcher';
import { LoopMetricsController } from './metrics/loop-metrics.controller';
import { LoopMetricsRepository } from './metrics/loop-metrics.repository';
import { NotificationDispatcher } from './notifications/notification.dispatcher';
import { NotificationPoller } from './notifications/notification.poller';
import { NotificationQueue } from './notifications/notification.queue';
import { NotificationRepository } from './notifications/notification.repository';
import { NotificationSenders } from './notifications/notification.senders';
import { RootCauseCheck } from './root-causes/root-cause.check';
import { RootCauseRepository } from './root-causes/root-cause.repository';
import { RootCausesController } from './root-causes/root-causes.controller';
import { TaxonomyPublishedHandler } from './root-causes/taxonomy-published.handler';
import { RoutingRuleRepository } from './routing/routing-rule.repository';
import { RoutingRulesController } from './routing/routing-rules.controller';
import { RoutingRulesService } from './routing/routing-rules.service';
import { CaseRecoveryRepository } from './recovery/case-recovery.repository';
import { RecoveryMeasuredHandler } from './recovery/recovery-measured.handler';
import { service } from './service.definition';
import { SlaPoliciesController } from './sla/sla-policies.controller';
import { SlaPolicyRepository } from './sla/sla-policy.repository';
import { SlaClock } from './sla/sla.clock';
import { DefaultTeamSeeder } from './teams/default-team.seeder';
import { TeamRepository } from './teams/team.repository';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';
import { CUSTOMER_DATA } from './customer-export/customer-data.catalog';

@Module({
  imports: [
    ServiceModule.forRoot(service),
    PrivacyModule.forRoot(),
    AuthModule.forRoot(),
    ImprovementActionsModule,
    CustomerExportModule.forService(CUSTOMER_DATA),
    CustomerErasureModule.forService(CUSTOMER_DATA),
  ],
  controllers: [
    CaseIntakeHandler,
    TaxonomyPublishedHandler,
    CasesController,
    RootCausesController,
    TeamsController,
    RoutingRulesController,
    SlaPoliciesController,
    LoopMetricsController,
    ConfigChangesController,
    CaseOpeningPolicyController,
    CaseSkipsController,
    RecoveryMeasuredHandler,
  ],
  providers: [
    // intake
    CaseOpeningService,
    CaseAssigner,
    CaseEnrichmentService,
    ResponseEnrichmentRepository,
    CustomerRepository,
    CaseOpeningPolicyService,
    CaseOpeningPolicyRepository,
    CaseSkipRepository,
    // cases
    CaseRepository,
    CaseViewRepository,
    CaseListRepository,
    CaseActionsService,
    CaseQueriesService,
    CaseListService,
    // root causes (projection of the taxonomy)
    RootCauseRepository,
    RootCauseCheck,
    // routing, teams, SLAs
    RoutingRuleRepository,
    RoutingRulesService,
    TeamRepository,
    TeamsService,
    DefaultTeamSeeder,
    SlaPolicyRepository,
    SlaClock,
    ConfigChangeRepository,
    // escalation and notifications
    SlaEscalator,
    SlaWatcher,
    NotificationQueue,
    NotificationRepository,
    NotificationSenders,
    NotificationDispatcher,
    NotificationPoller,
    LoopMetricsRepository,
    CaseRecoveryRepository,
    // B2B accounts at risk
    AccountRiskService,
    AccountRiskRepository,
  ],
})
export class AppModule {}
