import type { Principal } from '@nps/auth';
import type { Team } from './team';
import { teamView } from './team.view';

const team: Team = {
  id: 'care',
  name: 'Care',
  leadMemberId: null,
  escalationMemberId: null,
  escalationEmail: null,
  calendar: { timeZone: 'UTC', workingDays: [1], dayStart: '09:00', dayEnd: '17:00', holidays: [] },
  language: 'en',
  webhookUrl: 'https://hooks.example.com/services/T000/B000/secret',
  version: 1,
};
const as = (roles: Principal['roles']): Principal => ({ subject: 'x', roles, teams: ['care'], scopes: [] });

describe('teamView', () => {
  it('shows the webhook URL to admins', () => {
    expect(teamView(team, as(['admin']))).toMatchObject({ webhookUrl: team.webhookUrl, hasWebhook: true });
  });

  it('omits it for everyone else, saying only whether there is one', () => {
    const view = teamView(team, as(['lead']));
    expect(view).not.toHaveProperty('webhookUrl');
    expect(view.hasWebhook).toBe(true);
    expect(teamView({ ...team, webhookUrl: null }, as(['lead'])).hasWebhook).toBe(false);
  });
});
