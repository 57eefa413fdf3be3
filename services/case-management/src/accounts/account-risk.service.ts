import { Injectable } from '@nestjs/common';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { type DetractorIdentified, Topics } from '@nps/contracts';
import type { UnitOfWork } from '@nps/messaging';
import { CaseManagementEnv } from '../case-management.env';
import type { CaseRecord } from '../cases/case.record';
import type { CustomerFactsRow } from '../customers/customer.repository';
import { NotificationRepository } from '../notifications/notification.repository';
import { TeamRepository } from '../teams/team.repository';
import { accountRiskText } from './account-risk.messages';
import { AccountRiskRepository } from './account-risk.repository';
import { AccountRiskRule } from './account-risk.rule';

/**
 * After a case opens: counts the detractor cases of the customer's B2B account within the window and, at the
 * threshold, publishes AccountAtRisk and notifies the account owner, once per account per window, in the case's
 * transaction (docs/adr/0032).
 */
@Injectable()
export class AccountRiskService {
  private readonly rule: AccountRiskRule;

  constructor(
    private readonly accounts: AccountRiskRepository,
    private readonly teams: TeamRepository,
    private readonly notifications: NotificationRepository,
    private readonly env: CaseManagementEnv,
  ) {
    this.rule = new AccountRiskRule({
      windowDays: env.ACCOUNT_RISK_WINDOW_DAYS,
      threshold: env.ACCOUNT_RISK_THRESHOLD,
    });
  }

  /** `known` is the customer as our projection had it when the case's batch began (null if not projected). */
  async caseOpened(
    opened: CaseRecord,
    event: DetractorIdentified,
    unitOfWork: UnitOfWork,
    known: CustomerFactsRow | null,
  ): Promise<void> {
    const { manager } = unitOfWork;
    // The projection's newest facts first: scoring's copy may predate the customer's move to an account.
    const accountId = known?.accountId || event.customer?.accountId || '';
    if (!accountId) return;
    const accountOwnerId = known?.accountOwnerId || event.customer?.accountOwnerId || '';
    await this.accounts.lock(manager, accountId);
    const ids = { caseId: opened.id, accountId, customerId: opened.customerId, openedAt: opened.openedAt };
    await this.accounts.recordCase(manager, ids);
    const now = opened.openedAt;
    const caseIds = await this.accounts.casesSince(manager, accountId, this.rule.windowStart(now));
    if (!this.rule.atRisk(caseIds.length, await this.accounts.lastAlertAt(manager, accountId), now)) return;
    const { windowDays } = this.rule.settings;
    const alert = { accountId, accountOwnerId, detractorCount: caseIds.length, windowDays, caseIds, alertedAt: now };
    await this.accounts.insertAlert(manager, alert);
    unitOfWork.publish(Topics.AccountAtRisk, { ...alert, occurredAt: timestampFromDate(now) });
    await this.notifyOwner(opened, alert, unitOfWork);
  }

  /** An email to the owner when they are a member, and a post to the case team's (or the default) webhook. */
  private async notifyOwner(
    opened: CaseRecord,
    alert: { accountId: string; accountOwnerId: string; detractorCount: number; windowDays: number },
    unitOfWork: UnitOfWork,
  ): Promise<void> {
    const { manager } = unitOfWork;
    const owner = alert.accountOwnerId ? await this.teams.findMember(manager, alert.accountOwnerId) : null;
    const team = await this.teams.find(manager, opened.teamId);
    const { subject, lines } = accountRiskText(team?.language ?? 'en', {
      ...alert,
      recipientName: owner?.name || alert.accountOwnerId || 'Account owner',
    });
    const targets: [string, string][] = [];
    if (owner?.email) targets.push(['email', owner.email]);
    const hook = team?.webhookUrl ?? this.env.NOTIFY_WEBHOOK_URL;
    if (hook) targets.push(['webhook', hook]);
    if (targets.length === 0) return;
    const link = `${this.env.CASE_LINK_BASE_URL.replace(/\/$/, '')}/${opened.id}`;
    await this.notifications.enqueue(manager, [
      {
        caseId: opened.id,
        recipientId: owner?.id ?? '',
        kind: 'account_at_risk',
        subject,
        body: [...lines, link].join('\n'),
        targets,
      },
    ]);
  }
}
