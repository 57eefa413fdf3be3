import { type Counter, type Meter, metrics } from '@opentelemetry/api';
import type { Priority } from '../sla/priority';

/** Which deadline a case missed. */
export type SlaDeadline = 'first_contact' | 'resolution';

// Prometheus names: the exporter adds `_total` to counters (docs/adr/0023).
let counters: { opened: Counter; breaches: Counter } | undefined;

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
