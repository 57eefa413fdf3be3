import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/api.client';
import { ApiError } from '../api/api.error';
import { ACTION_PATH, type CaseActionName } from './case-actions';
import type { CaseDetail, CaseItem } from './case.types';

/** The case with its customer story and activity; read again every 10 s so others' changes show. */
export function useCaseDetail(caseId: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['case', caseId],
    queryFn: () => api.get<CaseDetail>('case-management', `/cases/${caseId}`),
    refetchInterval: 10000,
  });
}

/** Runs an action on the case; afterwards (and after a 409, when the case changed under us) reads it again. */
export function useCaseAction(caseId: string) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['case', caseId] }),
      client.invalidateQueries({ queryKey: ['cases'] }),
    ]);
  return useMutation<CaseItem, ApiError, { action: CaseActionName; body: object }>({
    mutationFn: ({ action, body }) =>
      api.send<CaseItem>('case-management', 'POST', `/cases/${caseId}/${ACTION_PATH[action]}`, body),
    onSuccess: () => refresh(),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void refresh();
    },
  });
}
