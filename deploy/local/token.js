// `npm run token -- --role admin [--team customer-care]` or `-- --client nps-reader`: a development
// access token from the local OIDC issuer (deploy/local/oidc.js, started by `npm start`), printed
// alone on stdout so that `TOKEN=$(npm run -s token -- --role admin)` works. The people and
// machines are the seeded ones (deploy/local/oidc-seed.json); their secrets are `<id>-secret`.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parseArgs } = require('node:util');

const USAGE =
  'usage: npm run token -- --role admin|lead|agent|analyst [--team <team>] | --client <machine> [--scope <s>]';

function fail(message) {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** The seeded client for the arguments: a person with the role (in the team), or the named machine. */
function clientFor({ role, team, client }, seed) {
  if (client) {
    const known = [...seed.people, ...seed.machines].some((entry) => entry.id === client);
    return known ? client : fail(`no seeded client "${client}"`);
  }
  if (!role) fail('name a --role or a --client');
  const person = seed.people.find((p) => p.roles.includes(role) && (!team || p.teams.includes(team)));
  if (!person) fail(`no seeded person with role ${role}${team ? ` in team ${team}` : ''}`);
  return person.id;
}

async function main() {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      team: { type: 'string' },
      client: { type: 'string' },
      scope: { type: 'string' },
    },
  });
  const seed = JSON.parse(readFileSync(process.env.OIDC_SEED_FILE ?? join(__dirname, 'oidc-seed.json'), 'utf8'));
  const id = clientFor(values, seed);
  const issuer = (process.env.OIDC_ISSUER ?? 'http://127.0.0.1:3010').replace(/\/+$/, '');
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  // A machine gets every scope it holds unless one is named; people's roles ride in the token anyway.
  const machine = seed.machines.find((entry) => entry.id === id);
  const scope = values.scope ?? machine?.scopes.join(' ');
  if (scope) body.set('scope', scope);
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    body,
    headers: { authorization: `Basic ${Buffer.from(`${id}:${id}-secret`).toString('base64')}` },
  }).catch((error) => fail(`the issuer at ${issuer} does not answer (is \`npm start\` running?): ${error.message}`));
  const answer = await response.json();
  if (!response.ok) fail(`the issuer refused a token for ${id}: ${answer.error} ${answer.error_description ?? ''}`);
  process.stdout.write(`${answer.access_token}\n`);
}

void main();
