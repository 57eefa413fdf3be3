import type { components } from '../api/generated/case-management';

/** The case-management API's shapes the console reads, generated from docs/openapi/case-management.json. */
type Schemas = components['schemas'];

export type CaseStatus = Schemas['CaseDto']['status'];
export type Priority = Schemas['CaseDto']['priority'];
export type Outcome = NonNullable<Schemas['CaseDto']['outcome']>;

export const CASE_STATUSES: readonly CaseStatus[] = ['open', 'in_progress', 'resolved', 'closed'];
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];
export const OUTCOMES: readonly Outcome[] = ['recovered', 'not_recovered', 'no_contact_possible'];

/** One case as `GET /cases/{id}` returns it (`case`). */
export type CaseItem = Schemas['CaseDto'];
/** One case as `GET /cases` lists it; `nextDueAt`: first contact until the customer was reached, then resolution. */
export type CaseListItem = Schemas['CaseListItemDto'];
/** `GET /cases`: one page of a keyset listing (ADR 0027). */
export type CasePage = Schemas['CasePageDto'];
export type ActivityEntry = Schemas['CaseActivityDto'];
export type StoryScore = Schemas['CustomerScoreDto'];
export type StoryComment = Schemas['CustomerCommentDto'];
export type PreviousCase = Schemas['PreviousCaseDto'] | Schemas['RedactedCaseDto'];
export type CustomerStory = Schemas['CustomerStoryDto'];
/** `GET /cases/{id}`. */
export type CaseDetail = Schemas['CaseDetailDto'];
/** `GET /root-causes`: the current taxonomy's tags. */
export type RootCause = Schemas['RootCauseDto'];
