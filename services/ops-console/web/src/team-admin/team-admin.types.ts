import type { components } from '../api/generated/case-management';

/** case-management's team admin shapes, generated from docs/openapi/case-management.json. */
type Schemas = components['schemas'];

export type TeamCalendar = Schemas['TeamCalendarDto'];
export type Team = Schemas['TeamViewDto'];
export type Member = Schemas['MemberDto'];
export type RuleConditions = Schemas['RuleConditionsDto'];
export type RoutingRule = Schemas['RoutingRuleDto'];
export type SlaPolicy = Schemas['SlaPolicyDto'];
/** `POST /routing-rules/preview`. */
export type PreviewedCase = Schemas['PreviewedCaseDto'] | Schemas['RedactedPreviewedCaseDto'];
export type RulePreview = Schemas['RulePreviewDto'];
