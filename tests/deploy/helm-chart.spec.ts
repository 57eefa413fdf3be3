import { type Manifest, lintChart, renderChart } from './support/chart.renderer';
import { validateManifests } from './support/manifest.validation';

// The chart renders, lints and yields only objects a Kubernetes 1.31 API server (and the KEDA,
// prometheus-operator and Gateway API CRDs) would accept, with default and with production values.
// Validation uses the JSON schemas of kubernetes-models (docs/adr/0022-helm-chart.md).
const INGRESS_AND_CONSOLE = [
  ...['--set', 'exposure.kind=ingress', '--set', 'exposure.ingress.tlsSecret=feedback-tls'],
  ...['--set', 'services.ops-console.autoscaling.kind=hpa', '--set', 'config.KAFKA_TOPIC_PREFIX=staging.'],
  ...['--set', 'services.scoring.autoscaling.kind=keda'],
];

describe('helm chart deploy/helm/nps', () => {
  const renders: Record<string, Manifest[]> = {};

  beforeAll(() => {
    renders.default = renderChart();
    renders.production = renderChart(['values-production.yaml']);
    // What neither file turns on: the Ingress, an autoscaled console and a topic prefix.
    renders.ingress = renderChart([], INGRESS_AND_CONSOLE);
  });

  it.each([
    ['default', []],
    ['production', ['values-production.yaml']],
  ])('passes helm lint --strict with %s values', (_name, files) => {
    expect(lintChart(files)).toContain('0 chart(s) failed');
  });

  it.each(['default', 'production', 'ingress'])('renders only schema-valid objects with %s values', (values) => {
    const results = validateManifests(renders[values]);
    const invalid = results.filter((result) => result.error && result.error !== 'no schema');
    expect(invalid).toEqual([]);
    // Only ExternalSecret has no model package here; its shape is checked below.
    const unchecked = new Set(results.filter((result) => result.error === 'no schema').map((result) => result.kind));
    expect([...unchecked]).toEqual(values === 'production' ? ['ExternalSecret'] : []);
    expect(results).toHaveLength(renders[values].length);
  });

  it('uses only API versions a Kubernetes 1.31 server serves (the schemas are of a newer release)', () => {
    const served = ['v1', 'apps/v1', 'batch/v1', 'policy/v1', 'autoscaling/v2', 'networking.k8s.io/v1'];
    const crds = [
      'keda.sh/v1alpha1',
      'monitoring.coreos.com/v1',
      'gateway.networking.k8s.io/v1',
      'external-secrets.io/v1',
    ];
    const used = new Set(Object.values(renders).flatMap((objects) => objects.map((manifest) => manifest.apiVersion)));
    expect([...used].filter((version) => !served.includes(version) && !crds.includes(version))).toEqual([]);
  });

  it('the validator rejects what an API server would (so the check above is not vacuous)', () => {
    const deployment = renders.default.find((manifest) => manifest.kind === 'Deployment') as Manifest;
    const broken = structuredClone(deployment);
    broken.spec.template.spec.containers[0].ports[0].containerPort = 'http-port';
    const scaledObject = { apiVersion: 'keda.sh/v1alpha1', kind: 'ScaledObject', metadata: { name: 'x' }, spec: {} };
    const [deploymentResult, scaledObjectResult] = validateManifests([broken, scaledObject]);
    expect(deploymentResult.error).toMatch(/containerPort/);
    expect(scaledObjectResult.error).toMatch(/scaleTargetRef/);
  });

  it('prefixes consumer groups and topics of the KEDA triggers with KAFKA_TOPIC_PREFIX, as the services do', () => {
    const scaled = renders.ingress.find((manifest) => manifest.kind === 'ScaledObject') as Manifest;
    expect(scaled.spec.triggers[0].metadata).toEqual(
      expect.objectContaining({ consumerGroup: 'staging.scoring', topic: 'staging.nps.case.opened.v1' }),
    );
  });

  it('renders the production set of kinds, monitoring and autoscalers included', () => {
    const kinds = (values: string) => [...new Set(renders[values].map((manifest) => manifest.kind))].sort();
    expect(kinds('default')).toEqual([
      'ConfigMap',
      'Deployment',
      'Job',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
      'ServiceAccount',
    ]);
    expect(kinds('production')).toEqual(
      expect.arrayContaining([
        'ExternalSecret',
        'HTTPRoute',
        'HorizontalPodAutoscaler',
        'PrometheusRule',
        'ScaledObject',
        'ServiceMonitor',
        'TriggerAuthentication',
      ]),
    );
  });

  it('ExternalSecrets fill the Secrets the workloads reference, before the migration Jobs run', () => {
    const externalSecrets = renders.production.filter((manifest) => manifest.kind === 'ExternalSecret');
    const referenced = new Set(
      renders.production
        .flatMap((manifest) => manifest.spec?.template?.spec?.containers ?? [])
        .flatMap((container: Manifest) => container.env ?? [])
        .map((env: Manifest) => env.valueFrom?.secretKeyRef?.name)
        .filter(Boolean),
    );
    for (const externalSecret of externalSecrets) {
      expect(externalSecret.apiVersion).toBe('external-secrets.io/v1');
      expect(externalSecret.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'nps' });
      expect(externalSecret.spec.target.name).toBe(externalSecret.metadata.name);
      expect(externalSecret.spec.data[0]).toEqual({ secretKey: expect.any(String), remoteRef: expect.any(Object) });
      expect(Number(externalSecret.metadata.annotations['helm.sh/hook-weight'])).toBeLessThan(0);
      referenced.delete(externalSecret.spec.target.name);
    }
    // The Kafka credentials are referenced directly (kafka.sasl.existingSecret), not through `secrets`.
    expect([...referenced]).toEqual(['nps-kafka-credentials']);
  });

  it('refuses values the schema or the templates forbid', () => {
    const failure = (args: string[]) => {
      try {
        renderChart([], args);
        return '';
      } catch (error) {
        return String((error as { stderr?: string }).stderr);
      }
    };
    expect(failure(['--set', 'image.tag=latest'])).toMatch(/image\.tag/);
    expect(failure(['--set', 'services.scoring.autoscaling.kind=both'])).toMatch(/autoscaling\.kind/);
    expect(
      failure([
        '--set',
        'services.scoring.autoscaling.kind=keda',
        '--set',
        'services.scoring.autoscaling.maxReplicas=7',
      ]),
    ).toMatch(/exceeds the 6 partitions/);
    expect(failure(['--set', 'services.scoring.secretEnv.X=nothing'])).toMatch(/which secrets does not define/);
    expect(failure(['--set', 'exposure.kind=gatewayApi'])).toMatch(/parentRefs/);
    // The ops console reads no Kafka and holds no secrets; it calls only enabled services.
    expect(failure(['--set', 'services.ops-console.autoscaling.kind=keda'])).toMatch(/ops-console\.autoscaling\.kind/);
    expect(failure(['--set', 'services.ops-console.secretEnv.DATABASE_URL=database'])).toMatch(
      /ops-console\.secretEnv/,
    );
    expect(failure(['--set', 'services.scoring.enabled=false'])).toMatch(/upstreams\.SCORING_URL names "scoring"/);
  });
});
