import type { TeamCalendar } from '../calendar/team-calendar';

export interface Team {
  id: string;
  name: string;
  leadMemberId: string | null;
  /** Second escalation level: a member of any team, else the team's escalation email. */
  escalationMemberId: string | null;
  escalationEmail: string | null;
  calendar: TeamCalendar;
  /** BCP 47 tag of the language notifications are written in, e.g. `nl`; `en` by default. */
  language: string;
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
