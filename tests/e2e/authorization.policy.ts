import type { ServiceName } from '@nps/testing';

/**
 * Who may call each route, as docs/security.md states it (ADR 0017). The authorisation matrix
 * compares every service's /docs-json with this, so changing a decision, or adding a route, is a
 * deliberate edit here too. "roles a b | scopes c": a person with role a or b, or a machine with c.
 */
export const POLICY: Record<ServiceName, Record<string, string>> = {
  'survey-dispatch': {
    'GET /health/live': 'public',
    'GET /health/ready': 'public',
    'POST /customers/import': 'scopes customers:write',
    'POST /surveys': 'scopes surveys:send',
    'GET /survey-requests': 'roles lead admin',
    'GET /suppressions': 'roles lead admin',
  },
  'response-ingestion': {
    'GET /health/live': 'public',
    'GET /health/ready': 'public',
    'POST /responses': 'scopes responses:write',
    'POST /sms/inbound': 'public',
    'POST /imports': 'scopes imports:write',
    'POST /survey-requests/{id}/revoke': 'roles lead admin | scopes surveys:send',
  },
  scoring: {
    'GET /health/live': 'public',
    'GET /health/ready': 'public',
    'GET /nps': 'roles analyst lead admin | scopes nps:read',
    'GET /nps/compare': 'roles analyst lead admin | scopes nps:read',
    'GET /nps/drivers': 'roles analyst lead admin | scopes nps:read',
  },
  'root-cause-tagging': {
    'GET /health/live': 'public',
    'GET /health/ready': 'public',
    'GET /taxonomy': 'authenticated',
    'GET /taxonomy/versions': 'authenticated',
    'GET /taxonomy/versions/{version}': 'authenticated',
    'POST /taxonomy/tags': 'roles admin | scopes taxonomy:admin',
    'POST /taxonomy/tags/{tagId}/terms': 'roles admin | scopes taxonomy:admin',
    'GET /model': 'roles admin | scopes taxonomy:admin',
    'POST /model/retrain': 'roles admin | scopes taxonomy:admin',
    'GET /tagging/responses/{responseId}': 'roles lead admin',
    'POST /tagging/retag': 'roles admin | scopes taxonomy:admin',
  },
  // People only: the ops API takes no machine scopes; teams narrow it further (team isolation, ADR 0020).
  'case-management': {
    'DELETE /routing-rules/{ruleId}': 'roles lead admin',
    'GET /cases': 'roles agent lead admin',
    'GET /cases/by-response/{responseId}': 'roles agent lead admin',
    'GET /cases/{caseId}': 'roles agent lead admin',
    'GET /case-opening-policy': 'roles agent lead admin',
    'GET /case-opening-policy/versions': 'roles agent lead admin',
    'GET /case-skips': 'roles analyst lead admin',
    'GET /case-skips/summary': 'roles analyst lead admin',
    'GET /config-changes': 'roles admin',
    'GET /health/live': 'public',
    'GET /health/ready': 'public',
    'GET /metrics/loop': 'roles lead admin',
    'GET /root-causes': 'roles agent lead admin',
    'GET /routing-rules': 'roles lead admin',
    'GET /sla-policies': 'roles lead admin',
    'GET /teams': 'roles lead admin',
    'GET /teams/{teamId}/members': 'roles lead admin',
    'PATCH /members/{memberId}': 'roles lead admin',
    'PATCH /routing-rules/{ruleId}': 'roles lead admin',
    'PATCH /teams/{teamId}': 'roles lead admin',
    'POST /cases/{caseId}/close': 'roles agent lead admin',
    'POST /cases/{caseId}/contacts': 'roles agent lead admin',
    'POST /cases/{caseId}/notes': 'roles agent lead admin',
    'POST /cases/{caseId}/reassign': 'roles lead admin',
    'POST /cases/{caseId}/reopen': 'roles agent lead admin',
    'POST /cases/{caseId}/resolve': 'roles agent lead admin',
    'POST /routing-rules': 'roles lead admin',
    'POST /teams': 'roles admin',
    'POST /teams/{teamId}/members': 'roles lead admin',
    'PUT /case-opening-policy': 'roles admin',
    'PUT /sla-policies/{priority}': 'roles admin',
  },
};
