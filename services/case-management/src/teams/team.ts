import type { TeamCalendar } from '../calendar/team-calendar';

export interface Team {
  id: string;
  name: string;
  leadMemberId: string | null;
  /** Second escalation level: a member of any team, else the team's escalation email. */
  escalationMemberId: string | null;
  escalationEmail: string | null;
  calendar: TeamCalendar;
  /** Slack-compatible incoming webhook of the team; NOTIFY_WEBHOOK_URL when empty. */
  webhookUrl: string | null;
  version: number;
}

export interface Member {
  id: string;
  teamId: string;
  name: string;
  email: string;
  /** False while on leave: routing skips the member. */
  available: boolean;
  version: number;
}
