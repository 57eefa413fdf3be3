import { type Counter, type Meter, metrics } from '@opentelemetry/api';
import type { Priority } from '../sla/priority';

/** Which deadline a case missed. */
export type SlaDeadline = 'first_contact' | 'resolution';

// Prometheus names: the exporter adds `_total` to counters (docs/adr/0023).
let counters: { opened: Counter; breaches: Counter; skipped: Counter } | undefined;

// Created on first use: a meter taken before startTelemetry() registered the provider stays a no-op.
function caseCounters() {
  counters ??= newCounters(metrics.getMeter('case-management'));
  return counters;
}

function newCounters(meter: Meter) {
  return {
    opened: meter.createCounter('nps.cases_opened', { description: 'Cases opened, per priority', unit: '{case}' }),
    breaches: meter.createCounter('nps.sla_breaches', {
      description: 'Missed SLA deadlines escalated, per deadline',
      unit: '{breach}',
    }),
    skipped: meter.createCounter('nps.cases_skipped', {
      description: 'Detractors that opened no case under the case-opening policy, per reason',
      unit: '{detractor}',
    }),
  };
}

/** Counts a case opened (`nps_cases_opened_total`). */
export function countCaseOpened(priority: Priority): void {
  caseCounters().opened.add(1, { priority });
}

/** Counts an escalated SLA breach (`nps_sla_breaches_total`). */
export function countSlaBreach(deadline: SlaDeadline): void {
  caseCounters().breaches.add(1, { deadline });
}

/** Counts a detractor the case-opening policy skipped (`nps_cases_skipped_total`), e.g. reason ANSWER_TOO_OLD. */
export function countCaseSkipped(reason: string): void {
  caseCounters().skipped.add(1, { reason });
}
