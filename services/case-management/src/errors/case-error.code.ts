/** Stable codes of the errors the API answers with (docs/case-management.md). */
export enum CaseErrorCode {
  CASE_NOT_FOUND = 'CASE_NOT_FOUND',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  REOPEN_WINDOW_PASSED = 'REOPEN_WINDOW_PASSED',
  UNKNOWN_ROOT_CAUSE = 'UNKNOWN_ROOT_CAUSE',
  TEAM_NOT_FOUND = 'TEAM_NOT_FOUND',
  MEMBER_NOT_FOUND = 'MEMBER_NOT_FOUND',
  RULE_NOT_FOUND = 'RULE_NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  FORBIDDEN = 'FORBIDDEN',
  /** A lead's routing rule placed before another team's rules (ADR 0020). */
  RULE_PRECEDES_OTHER_TEAMS = 'RULE_PRECEDES_OTHER_TEAMS',
  INVALID_CALENDAR = 'INVALID_CALENDAR',
  /** A cursor not written by this service, or replayed with other filters or another sort (ADR 0027). */
  INVALID_CURSOR = 'INVALID_CURSOR',
  IMPROVEMENT_ACTION_NOT_FOUND = 'IMPROVEMENT_ACTION_NOT_FOUND',
  /** An improvement action's release dated after now (allowing a minute of clock skew). */
  RELEASED_IN_FUTURE = 'RELEASED_IN_FUTURE',
}
