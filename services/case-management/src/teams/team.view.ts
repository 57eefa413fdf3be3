import type { Principal } from '@nps/auth';
import { isAdmin } from '../access/team-access';
import type { Team } from './team';

/** A team as the caller may see it: `hasWebhook` for everyone, the `webhookUrl` itself for admins only. */
export type TeamView = Omit<Team, 'webhookUrl'> & { webhookUrl?: string | null; hasWebhook: boolean };

/**
 * An incoming-webhook URL is a credential (whoever holds a Slack one can post to the channel), so
 * only admins read it (ADR 0020).
 */
export function teamView(team: Team, principal: Principal): TeamView {
  const { webhookUrl, ...rest } = team;
  const hasWebhook = webhookUrl !== null && webhookUrl !== '';
  return isAdmin(principal) ? { ...rest, webhookUrl, hasWebhook } : { ...rest, hasWebhook };
}
