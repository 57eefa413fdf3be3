import { type Manifest, NAMESPACE, renderChart } from './support/chart.renderer';
import { promtoolVersion, testRules } from './support/promtool';

type Labels = Record<string, string>;

/** One alert run through Prometheus' rule engine on made-up series: which alerts it raises at `at`. */
interface AlertCase {
  alert: string;
  when: string;
  /** Series selector (metric and labels) → values in promtool's expanding notation, one sample a minute. */
  series: Record<string, string>;
  at: string;
  /** The labels of each alert raised (severity comes from the rule); none: it stays quiet. */
  raises: Labels[];
}

const series = (metric: string, labels: Labels) =>
  `${metric}{${Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(', ')}}`;
const scoring = { namespace: NAMESPACE, service: 'nps-scoring', pod: 'nps-scoring-7d9f8-x2kq4' };
const cases = { namespace: NAMESPACE, service: 'nps-case-management', pod: 'nps-case-management-5c6b7-hf9zt' };
const topic = 'nps.response.received.v1';
const flapping = Array.from({ length: 16 }, (_, minute) => minute % 2).join(' ');

const CASES: AlertCase[] = [
  {
    alert: 'NpsConsumerLagGrowing',
    when: 'the lag passes the threshold and keeps growing for 15 minutes',
    series: { [series('nps_consumer_lag', { ...scoring, topic })]: '0+100x40' },
    at: '40m',
    raises: [{ namespace: NAMESPACE, service: 'nps-scoring', topic }],
  },
  {
    alert: 'NpsConsumerLagGrowing',
    when: 'the lag is high but no longer growing',
    series: { [series('nps_consumer_lag', { ...scoring, topic })]: '5000x40' },
    at: '40m',
    raises: [],
  },
  {
    alert: 'NpsConsumerLagGrowing',
    when: 'the growing lag is in another namespace',
    series: { [series('nps_consumer_lag', { ...scoring, namespace: 'other', topic })]: '0+100x40' },
    at: '40m',
    raises: [],
  },
  {
    alert: 'NpsConsumerLagUnmeasured',
    when: 'no measurement has worked for 15 minutes',
    series: { [series('nps_consumer_lag_age_seconds', scoring)]: '0+60x20' },
    at: '15m',
    raises: [{ namespace: NAMESPACE, service: 'nps-scoring' }],
  },
  {
    alert: 'NpsConsumerLagUnmeasured',
    when: 'measurements keep working',
    series: { [series('nps_consumer_lag_age_seconds', scoring)]: '15x20' },
    at: '15m',
    raises: [],
  },
  {
    alert: 'NpsDeadLettersNotEmpty',
    when: 'a record was dead-lettered in the last hour',
    series: { [series('nps_dead_letters_total', { ...scoring, topic })]: '0x10 1x20' },
    at: '20m',
    raises: [{ namespace: NAMESPACE, service: 'nps-scoring', topic }],
  },
  {
    alert: 'NpsDeadLettersNotEmpty',
    when: 'the last dead letter is more than an hour old',
    series: { [series('nps_dead_letters_total', { ...scoring, topic })]: '3x90' },
    at: '90m',
    raises: [],
  },
  {
    alert: 'NpsOutboxStuck',
    when: 'the outbox has not been empty nor shrunk for 10 minutes, for 5 more',
    series: { [series('nps_outbox_depth', scoring)]: '7x40' },
    at: '30m',
    raises: [{ namespace: NAMESPACE, service: 'nps-scoring' }],
  },
  {
    alert: 'NpsOutboxStuck',
    when: 'the outbox is not empty but draining',
    series: { [series('nps_outbox_depth', scoring)]: '400-10x40' },
    at: '30m',
    raises: [],
  },
  {
    alert: 'NpsSlaBreachesRising',
    when: 'half the cases of the last hour breached, more than the hour before',
    series: {
      [series('nps_cases_opened_total', cases)]: '0+2x180',
      [series('nps_sla_breaches_total', cases)]: '0x90 0+1x90',
    },
    at: '170m',
    raises: [{ namespace: NAMESPACE }],
  },
  {
    alert: 'NpsSlaBreachesRising',
    when: 'half the cases breach, as many as the hour before',
    series: {
      [series('nps_cases_opened_total', cases)]: '0+2x180',
      [series('nps_sla_breaches_total', cases)]: '0+1x180',
    },
    at: '170m',
    raises: [],
  },
  {
    alert: 'NpsReadinessFlapping',
    when: 'a pod went ready and unready every minute',
    series: {
      [series('kube_pod_status_ready', { namespace: NAMESPACE, pod: scoring.pod, condition: 'true' })]: flapping,
    },
    at: '15m',
    raises: [{ namespace: NAMESPACE, pod: scoring.pod }],
  },
  {
    alert: 'NpsReadinessFlapping',
    when: 'a pod stays ready',
    series: {
      [series('kube_pod_status_ready', { namespace: NAMESPACE, pod: scoring.pod, condition: 'true' })]: '1x20',
    },
    at: '15m',
    raises: [],
  },
  {
    alert: 'NpsServiceDown',
    when: 'a Deployment meant to run has had no available replica for 5 minutes',
    series: {
      [series('kube_deployment_spec_replicas', { namespace: NAMESPACE, deployment: 'nps-scoring' })]: '2x20',
      [series('kube_deployment_status_replicas_available', { namespace: NAMESPACE, deployment: 'nps-scoring' })]:
        '2x5 0x15',
    },
    at: '15m',
    raises: [{ namespace: NAMESPACE, deployment: 'nps-scoring' }],
  },
  {
    alert: 'NpsServiceDown',
    when: 'a rollout left no replica available for a minute',
    series: {
      [series('kube_deployment_spec_replicas', { namespace: NAMESPACE, deployment: 'nps-scoring' })]: '2x20',
      [series('kube_deployment_status_replicas_available', { namespace: NAMESPACE, deployment: 'nps-scoring' })]:
        '2x5 0 2x14',
    },
    at: '15m',
    raises: [],
  },
  {
    alert: 'NpsServiceDown',
    when: 'the Deployment is scaled to zero on purpose',
    series: {
      [series('kube_deployment_spec_replicas', { namespace: NAMESPACE, deployment: 'nps-scoring' })]: '0x20',
      [series('kube_deployment_status_replicas_available', { namespace: NAMESPACE, deployment: 'nps-scoring' })]:
        '0x20',
    },
    at: '15m',
    raises: [],
  },
];

/** The rule's annotations as Prometheus expands them for an alert with `labels`. */
function annotations(rule: Manifest, labels: Labels): Labels {
  return Object.fromEntries(
    Object.entries(rule.annotations as Labels).map(([name, text]) => [
      name,
      text.replace(/\{\{\s*\$labels\.(\w+)\s*\}\}/g, (_, label: string) => labels[label] ?? ''),
    ]),
  );
}

// The alerts evaluated by Prometheus itself (promtool), not read as strings: each one raised when it should,
// with its labels, and quiet in the look-alike case it must not page for.
describe('PrometheusRule alerts (production values, promtool)', () => {
  let groups: Manifest[];
  let rules: Manifest[];

  beforeAll(() => {
    promtoolVersion();
    const [rule] = renderChart(['values-production.yaml']).filter((manifest) => manifest.kind === 'PrometheusRule');
    groups = rule.spec.groups;
    rules = groups.flatMap((group) => group.rules);
  });

  it('has for every alert a case that raises it and one that must not', () => {
    const covered = (raises: boolean) =>
      new Set(CASES.filter((c) => c.raises.length > 0 === raises).map((c) => c.alert));
    const names = rules.map((rule) => rule.alert as string);
    expect({ raising: [...covered(true)].sort(), quiet: [...covered(false)].sort() }).toEqual({
      raising: [...names].sort(),
      quiet: [...names].sort(),
    });
  });

  it.each(CASES.map((c) => [c.alert, c.when, c] as const))('%s: %s', (_alert, _when, c) => {
    const rule = rules.find((candidate) => candidate.alert === c.alert) as Manifest;
    const expected = c.raises.map((labels) => ({
      exp_labels: { ...labels, ...rule.labels },
      exp_annotations: annotations(rule, labels),
    }));
    const test = {
      interval: '1m',
      input_series: Object.entries(c.series).map(([name, values]) => ({ series: name, values })),
      alert_rule_test: [{ eval_time: c.at, alertname: c.alert, exp_alerts: expected }],
    };
    const run = testRules(groups, [test]);
    expect({ status: run.status, output: run.output }).toEqual({ status: 0, output: expect.any(String) });
  });
});
