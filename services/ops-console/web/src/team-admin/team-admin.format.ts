import type { Principal } from '../auth/principal';
import type { RuleConditions } from './team-admin.types';

const LIST_FIELDS = ['segments', 'regions', 'tiers', 'languages', 'touchpointTypes', 'anyTags'] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** A rule's conditions as short phrases ("segments: enterprise, smb", "score 0–4"); none means "every detractor". */
export function conditionsSummary(conditions: RuleConditions): string[] {
  const parts = LIST_FIELDS.filter((field) => conditions[field]?.length).map(
    (field) => `${field}: ${(conditions[field] as string[]).join(', ')}`,
  );
  const { minScore, maxScore } = conditions;
  if (minScore !== undefined || maxScore !== undefined) parts.push(`score ${minScore ?? 0}–${maxScore ?? 10}`);
  return parts;
}

/** Working minutes as "4 h", "1 h 30 min", "45 min". */
export function workingTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** ISO weekdays (1 = Monday) as short names in `locale`. */
export function weekdayNames(days: number[], locale?: string): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return [...days]
    .sort((a, b) => a - b)
    .map((day) => format.format(new Date(Date.UTC(2024, 0, day))))
    .join(', ');
}

/** The "try this rule" form as typed: lists comma-separated, scores as text. */
export interface RuleDraftForm {
  id: string;
  position: number;
  teamId: string;
  lists: Record<ListField, string>;
  minScore: string;
  maxScore: string;
}

export const EMPTY_LISTS: Record<ListField, string> = {
  segments: '',
  regions: '',
  tiers: '',
  languages: '',
  touchpointTypes: '',
  anyTags: '',
};

export { LIST_FIELDS };

/** The body of POST /routing-rules/preview for a draft: empty lists and scores left out. */
export function previewBody(draft: RuleDraftForm, limit: number) {
  return { ...ruleBody(draft), limit };
}

/** The body of POST /routing-rules (or, without `id`, PATCH /routing-rules/:id) for a draft. */
export function ruleBody(draft: RuleDraftForm) {
  const conditions: RuleConditions = {};
  for (const field of LIST_FIELDS) {
    const values = draft.lists[field]
      .split(',')
      .map((value) => value.trim())
      .filter(Boolean);
    if (values.length) conditions[field] = values;
  }
  const score = (text: string) => (text.trim() === '' ? undefined : Number(text));
  const minScore = score(draft.minScore);
  const maxScore = score(draft.maxScore);
  if (minScore !== undefined) conditions.minScore = minScore;
  if (maxScore !== undefined) conditions.maxScore = maxScore;
  return {
    ...(draft.id.trim() ? { id: draft.id.trim() } : {}),
    position: draft.position,
    teamId: draft.teamId,
    conditions,
  };
}

/** A stored rule as a draft, to try it or a change of it. */
export function draftOf(rule: {
  id: string;
  position: number;
  teamId: string;
  conditions: RuleConditions;
}): RuleDraftForm {
  const lists = { ...EMPTY_LISTS };
  for (const field of LIST_FIELDS) lists[field] = (rule.conditions[field] ?? []).join(', ');
  return {
    id: rule.id,
    position: rule.position,
    teamId: rule.teamId,
    lists,
    minScore: rule.conditions.minScore?.toString() ?? '',
    maxScore: rule.conditions.maxScore?.toString() ?? '',
  };
}

/** Whether `principal` may change `teamId`'s members and rules: admins every team, leads their own. */
export function managesTeam(principal: Pick<Principal, 'roles' | 'teams'>, teamId: string): boolean {
  return principal.roles.includes('admin') || (principal.roles.includes('lead') && principal.teams.includes(teamId));
}
