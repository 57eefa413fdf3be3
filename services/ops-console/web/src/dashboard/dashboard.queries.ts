import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../api/api.client';
import { instantsOf, periodQuery } from './dashboard.filters';
import type {
  BreakdownDimension,
  CompareAnswer,
  DriversAnswer,
  Interval,
  LoopMetricsAnswer,
  NpsAnswer,
  RecoveryAnswer,
} from './dashboard.types';

type Period = { from: string; to: string };

// Each panel asks its own question, so one slow or refused API leaves the others drawn.
// keepPreviousData: changing a filter keeps the old figures on screen until the new ones arrive.

/** `GET /nps` without interval or grouping: the headline figure. */
export function useNpsTotal(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'total', period],
    queryFn: () => api.get<NpsAnswer>('scoring', '/nps', periodQuery(period)),
    placeholderData: keepPreviousData,
  });
}

/** `GET /nps?interval=…`: NPS over time. */
export function useNpsTrend(period: Period, interval: Interval) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'trend', period, interval],
    queryFn: () => api.get<NpsAnswer>('scoring', '/nps', { ...periodQuery(period), interval }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /nps?groupBy=<dimension>`: the breakdown. */
export function useNpsBreakdown(period: Period, dimension: BreakdownDimension) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'breakdown', period, dimension],
    queryFn: () => api.get<NpsAnswer>('scoring', '/nps', { ...periodQuery(period), groupBy: dimension }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /nps/compare`: the first period against the second (`change` is second minus first). */
export function useNpsCompare(first: Period, second: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'compare', first, second],
    queryFn: () =>
      api.get<CompareAnswer>('scoring', '/nps/compare', {
        ...periodQuery(first),
        versusFrom: second.from,
        versusTo: second.to,
      }),
    placeholderData: keepPreviousData,
  });
}

/** `GET /nps/drivers`: NPS impact per root cause. */
export function useNpsDrivers(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'drivers', period],
    queryFn: () => api.get<DriversAnswer>('scoring', '/nps/drivers', periodQuery(period)),
    placeholderData: keepPreviousData,
  });
}

/** `GET /nps/recovery` (scoring): followed-up detractors against the holdout. */
export function useRecovery(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['scoring', 'nps', 'recovery', period],
    queryFn: () => api.get<RecoveryAnswer>('scoring', '/nps/recovery', periodQuery(period)),
    placeholderData: keepPreviousData,
  });
}

/** `GET /metrics/loop` (case-management): per team; analysts and admins every team, leads their own. */
export function useLoopMetrics(period: Period) {
  const api = useApi();
  return useQuery({
    queryKey: ['case-management', 'metrics', 'loop', period],
    queryFn: () => api.get<LoopMetricsAnswer>('case-management', '/metrics/loop', instantsOf(period)),
    placeholderData: keepPreviousData,
  });
}
