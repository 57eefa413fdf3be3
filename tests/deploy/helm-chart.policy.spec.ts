import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Manifest, renderChart } from './support/chart.renderer';
import { CHART } from './support/helm.binary';
import { partitionsOf, type ServiceFacts, serviceFacts } from './support/platform.facts';

// What every deployment of the platform must be, whatever the values: the restricted security
// profile, probes, resources, pinned images, one autoscaler per service within its partitions,
// deny-by-default networking, migrations before rollout, and alerts on the metrics we export.
describe('helm chart policy', () => {
  const services = serviceFacts();
  // Those with a database, Kafka and migrations; the ops console is the one deployable without.
  const platformServices = services.filter((service) => service.platform);
  const renders: Record<string, Manifest[]> = {};
  const VALUES = ['default', 'production'] as const;

  beforeAll(() => {
    renders.default = renderChart();
    renders.production = renderChart(['values-production.yaml']);
  });

  const ofKind = (values: string, kind: string) => renders[values].filter((manifest) => manifest.kind === kind);
  const named = (values: string, kind: string, name: string) =>
    ofKind(values, kind).find((manifest) => manifest.metadata.name === name) as Manifest;
  const workloads = (values: string) => [...ofKind(values, 'Deployment'), ...ofKind(values, 'Job')];

  describe.each(VALUES)('with %s values', (values) => {
    it('every workload runs as non-root on a read-only filesystem with all capabilities dropped', () => {
      for (const workload of workloads(values)) {
        const pod = workload.spec.template.spec;
        expect({ name: workload.metadata.name, pod: pod.securityContext }).toEqual({
          name: workload.metadata.name,
          pod: expect.objectContaining({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } }),
        });
        expect(pod.automountServiceAccountToken).toBe(false);
        for (const container of pod.containers) {
          expect(container.securityContext).toEqual(
            expect.objectContaining({
              runAsNonRoot: true,
              readOnlyRootFilesystem: true,
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              seccompProfile: { type: 'RuntimeDefault' },
            }),
          );
          expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
        }
        expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: expect.any(Object) });
      }
    });

    it('every workload has resources and a pinned image, never latest', () => {
      for (const workload of workloads(values)) {
        for (const container of workload.spec.template.spec.containers) {
          expect(container.resources.requests).toEqual({ cpu: expect.anything(), memory: expect.anything() });
          expect(container.resources.limits.memory).toBeDefined();
          expect(container.image).toMatch(/^[^:@]+(:[\w.-]+|@sha256:[a-f0-9]{64})$/);
          expect(container.image).not.toMatch(/:latest$/);
        }
      }
    });

    it('every service runs from the one image with its own command, port, probes and ServiceAccount', () => {
      const deployments = ofKind(values, 'Deployment');
      expect(deployments.map((deployment) => deployment.metadata.name).sort()).toEqual(
        services.map((service) => `nps-${service.name}`).sort(),
      );
      for (const service of services) {
        const pod = named(values, 'Deployment', `nps-${service.name}`).spec.template.spec;
        const [container] = pod.containers;
        expect(container.args).toEqual(['node', `dist/services/${service.name}/src/main.js`]);
        expect(container.command).toBeUndefined(); // the image's tini stays PID 1
        expect(container.ports).toEqual([{ name: 'http', containerPort: service.port, protocol: 'TCP' }]);
        expect(container.startupProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
        expect(container.readinessProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
        expect(pod.serviceAccountName).toBe(`nps-${service.name}`);
        expect(named(values, 'ServiceAccount', `nps-${service.name}`).automountServiceAccountToken).toBe(false);
        expect(named(values, 'ConfigMap', `nps-${service.name}`).data).toMatchObject({
          PORT: String(service.port),
          HOST: '0.0.0.0', // services bind 127.0.0.1 by default; probes come to the pod IP
        });
        expect(named(values, 'Service', `nps-${service.name}`).spec.ports[0].port).toBe(service.port);
        expect(named(values, 'PodDisruptionBudget', `nps-${service.name}`).spec.maxUnavailable).toBe(1);
        expect(pod.topologySpreadConstraints.map((constraint: Manifest) => constraint.topologyKey)).toEqual([
          'topology.kubernetes.io/zone',
          'kubernetes.io/hostname',
        ]);
      }
    });

    it('settings come from ConfigMaps and secrets only by reference', () => {
      expect(ofKind(values, 'Secret')).toEqual([]);
      for (const workload of workloads(values)) {
        for (const container of workload.spec.template.spec.containers) {
          for (const env of container.env ?? []) {
            if (['DATABASE_URL', 'SURVEY_LINK_KEYS', 'SMTP_URL', 'NOTIFY_WEBHOOK_SECRET'].includes(env.name)) {
              expect(env.valueFrom.secretKeyRef).toEqual({ name: expect.any(String), key: expect.any(String) });
            }
          }
        }
      }
      expect(named(values, 'ConfigMap', 'nps-common').data).toEqual(
        expect.objectContaining({ NPS_ENV: 'production', DB_MIGRATIONS_RUN: 'false' }),
      );
    });

    it('migrates each platform service in a pre-install/pre-upgrade Job running its cli.js migrate', () => {
      expect(
        ofKind(values, 'Job')
          .map((job) => job.metadata.labels['nps.io/service'])
          .sort(),
      ).toEqual(platformServices.map((service) => service.name).sort());
      for (const service of platformServices) {
        const job = named(values, 'Job', `nps-${service.name}-migrate`);
        expect(job.metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
        const [container] = job.spec.template.spec.containers;
        expect(container.args).toEqual(['node', `dist/services/${service.name}/src/cli.js`, 'migrate']);
        expect(container.image).toBe(
          named(values, 'Deployment', `nps-${service.name}`).spec.template.spec.containers[0].image,
        );
        expect(container.env.map((env: Manifest) => env.name)).toContain('DATABASE_URL');
      }
      // The Job's ServiceAccount is a hook too: release objects do not exist yet on a first install.
      expect(named(values, 'ServiceAccount', 'nps-migrate').metadata.annotations['helm.sh/hook']).toBeDefined();
    });

    it('every pod is behind a NetworkPolicy denying what it does not list, both ways', () => {
      const policies = ofKind(values, 'NetworkPolicy');
      for (const workload of workloads(values)) {
        const labels = workload.spec.template.metadata.labels;
        const policy = policies.find((candidate) =>
          Object.entries(candidate.spec.podSelector.matchLabels).every(([key, value]) => labels[key] === value),
        );
        expect(policy?.spec.policyTypes).toEqual(['Ingress', 'Egress']);
      }
      const egressPorts = (name: string) =>
        named(values, 'NetworkPolicy', name).spec.egress.flatMap((rule: Manifest) =>
          rule.ports.map((port: Manifest) => port.port),
        );
      expect(egressPorts('nps-migrate')).not.toContain(9092);
      expect(egressPorts('nps-scoring')).toEqual(expect.arrayContaining([53, 5432]));
    });

    it('the ops console runs without a database, Kafka or secrets, calling the in-cluster services', () => {
      const port = (name: string) => (services.find((service) => service.name === name) as ServiceFacts).port;
      const pod = named(values, 'Deployment', 'nps-ops-console').spec.template.spec;
      const [container] = pod.containers;
      // Not the common ConfigMap (Kafka, Postgres, privacy settings), no Secret, no CA bundles.
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'nps-ops-console' } }]);
      expect(container.env).toBeUndefined();
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: expect.any(Object) }]);
      const config = named(values, 'ConfigMap', 'nps-ops-console').data;
      expect(config).toEqual(
        expect.objectContaining({
          NPS_ENV: 'production',
          OIDC_AUDIENCE: 'urn:nps:api',
          OIDC_CLIENT_ID: 'ops-console',
          CASE_MANAGEMENT_URL: `http://nps-case-management:${port('case-management')}`,
          SCORING_URL: `http://nps-scoring:${port('scoring')}`,
        }),
      );
      if (values === 'production') expect(config.OIDC_ISSUER).toMatch(/^https:\/\//);
      expect(Object.keys(config).filter((key) => /^(KAFKA|DATABASE|DB|PRIVACY)_/.test(key))).toEqual([]);
      expect(named(values, 'Job', 'nps-ops-console-migrate')).toBeUndefined();
      // Egress: DNS, the collector, and exactly the two services it proxies; no Kafka, no Postgres.
      const policy = named(values, 'NetworkPolicy', 'nps-ops-console').spec;
      const ports = policy.egress.flatMap((rule: Manifest) => rule.ports.map((entry: Manifest) => entry.port));
      expect(ports).toEqual(expect.arrayContaining([53, port('case-management'), port('scoring')]));
      expect(ports).not.toEqual(expect.arrayContaining([5432]));
      expect(ports.filter((entry: number) => [9092, 9093, 9094].includes(entry))).toEqual([]);
      const fromConsole = (name: string) =>
        named(values, 'NetworkPolicy', name).spec.ingress.some((rule: Manifest) =>
          rule.from.some(
            (peer: Manifest) => peer.podSelector?.matchLabels?.['app.kubernetes.io/component'] === 'ops-console',
          ),
        );
      expect(services.filter((service) => fromConsole(`nps-${service.name}`)).map((service) => service.name)).toEqual([
        'case-management',
        'scoring',
      ]);
    });
  });

  describe('autoscaling (production values)', () => {
    it('consumers scale on the lag of their own group, within the partitions of the topics they read', () => {
      const scaled = ofKind('production', 'ScaledObject');
      expect(scaled.map((object) => object.metadata.name).sort()).toEqual([
        'nps-root-cause-tagging',
        'nps-scoring',
        'nps-survey-dispatch',
      ]);
      for (const object of scaled) {
        const service = services.find((candidate) => `nps-${candidate.name}` === object.metadata.name) as ServiceFacts;
        const topics = object.spec.triggers.map((trigger: Manifest) => trigger.metadata.topic).sort();
        expect(topics).toEqual(service.inputTopics);
        for (const trigger of object.spec.triggers) {
          expect(trigger.metadata).toEqual(
            expect.objectContaining({ consumerGroup: service.name, sasl: 'scram_sha512', tls: 'enable' }),
          );
          expect(object.spec.maxReplicaCount).toBeLessThanOrEqual(partitionsOf(trigger.metadata.topic));
        }
      }
    });

    it('the input topics in values match the subscriptions in the code for every service', () => {
      const values = readFileSync(join(CHART, 'values.yaml'), 'utf8');
      for (const service of platformServices) {
        expect(service.inputTopics.length).toBeGreaterThan(0);
        const block = values.slice(values.indexOf(`  ${service.name}:\n`));
        const listed = block.slice(block.indexOf('inputTopics:'), block.indexOf('autoscaling:'));
        expect([...listed.matchAll(/nps\.[a-z.-]+\.v\d+/g)].map((match) => match[0]).sort()).toEqual(
          service.inputTopics,
        );
      }
    });

    it('HTTP-facing services scale on CPU; no Deployment has two autoscalers or a fixed replica count', () => {
      const hpas = ofKind('production', 'HorizontalPodAutoscaler');
      expect(hpas.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual([
        'nps-case-management',
        'nps-response-ingestion',
      ]);
      const targets = [
        ...hpas.map((hpa) => hpa.spec.scaleTargetRef.name),
        ...ofKind('production', 'ScaledObject').map((object) => object.spec.scaleTargetRef.name),
      ];
      expect(new Set(targets).size).toBe(targets.length);
      for (const name of targets) expect(named('production', 'Deployment', name).spec.replicas).toBeUndefined();
    });
  });

  describe('exposure and production settings', () => {
    it('only the survey page and the ops console are routed from outside, each at its host', () => {
      const routes = ofKind('production', 'HTTPRoute');
      expect(routes.map((route) => [route.metadata.name, route.spec.hostnames, route.spec.rules])).toEqual([
        [
          'nps-ops-console',
          ['console.example.com'],
          [
            {
              matches: [{ path: { type: 'PathPrefix', value: '/' } }],
              backendRefs: [{ name: 'nps-ops-console', port: 3000 }],
            },
          ],
        ],
        [
          'nps-response-ingestion',
          ['feedback.example.com'],
          [
            {
              matches: [{ path: { type: 'PathPrefix', value: '/s/' } }],
              backendRefs: [{ name: 'nps-response-ingestion', port: 3002 }],
            },
          ],
        ],
      ]);
      const ingress = renderChart(
        [],
        ['--set', 'exposure.kind=ingress', '--set', 'exposure.ingress.tlsSecret=nps-tls'],
      );
      const [object] = ingress.filter((manifest) => manifest.kind === 'Ingress');
      const paths = object.spec.rules.flatMap((rule: Manifest) =>
        rule.http.paths.map((path: Manifest) => `${rule.host}${path.path} -> ${path.backend.service.name}`),
      );
      expect(paths.sort()).toEqual([
        'console.example.com/ -> nps-ops-console',
        'feedback.example.com/s/ -> nps-response-ingestion',
      ]);
      expect(object.spec.tls[0].hosts).toEqual(['console.example.com', 'feedback.example.com']);
      // The ingress controller reaches exactly the exposed workloads.
      const ingressPolicy = (name: string) =>
        ingress.find((manifest) => manifest.kind === 'NetworkPolicy' && manifest.metadata.name === name) as Manifest;
      expect(ingressPolicy('nps-ops-console').spec.ingress).toEqual([
        { from: [{ namespaceSelector: expect.any(Object) }], ports: [{ port: 'http', protocol: 'TCP' }] },
      ]);
      expect(named('default', 'NetworkPolicy', 'nps-ops-console').spec.ingress).toEqual([]);
    });

    it("case links in notifications open the console's case page at the console's host", () => {
      for (const values of VALUES) {
        const host = named(values, 'HTTPRoute', 'nps-ops-console')?.spec.hostnames[0] ?? 'console.example.com';
        expect(named(values, 'ConfigMap', 'nps-case-management').data.CASE_LINK_BASE_URL).toBe(`https://${host}/cases`);
      }
      const moved = renderChart([], ['--set', 'exposure.consoleHost=ops.example.org']);
      const caseConfig = moved.find(
        (manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'nps-case-management',
      ) as Manifest;
      expect(caseConfig.data.CASE_LINK_BASE_URL).toBe('https://ops.example.org/cases');
    });

    it('production reaches Kafka over TLS with SCRAM and keeps three replicas of every topic', () => {
      const common = named('production', 'ConfigMap', 'nps-common').data;
      expect(common).toEqual(
        expect.objectContaining({
          KAFKA_SSL: 'true',
          KAFKA_SSL_CA_FILE: '/etc/nps/kafka-ca/ca.crt',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_TOPIC_REPLICATION_FACTOR: '3',
          KAFKA_TOPIC_MIN_INSYNC_REPLICAS: '2',
          DATABASE_SSL_MODE: 'verify-full',
          DATABASE_SSL_CA_FILE: '/etc/nps/postgres-ca/ca.crt',
          DATABASE_POOL_SIZE: '10',
          DATABASE_STATEMENT_TIMEOUT_MS: '15000',
        }),
      );
      const env = named('production', 'Deployment', 'nps-scoring').spec.template.spec.containers[0].env;
      expect(env).toContainEqual({
        name: 'KAFKA_SASL_PASSWORD',
        valueFrom: { secretKeyRef: { name: 'nps-kafka-credentials', key: 'password' } },
      });
    });
  });

  describe('monitoring (production values)', () => {
    const METRICS = [
      'nps_consumer_lag',
      'nps_consumer_lag_age_seconds',
      'nps_dead_letters_total',
      'nps_outbox_depth',
      'nps_sla_breaches_total',
    ];

    it('scrapes /metrics on every service and alerts on the metrics the services export', () => {
      const [monitor] = ofKind('production', 'ServiceMonitor');
      expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
      const scraped = ofKind('production', 'Service').filter((service) =>
        Object.entries(monitor.spec.selector.matchLabels).every(
          ([key, value]) => service.metadata.labels[key] === value,
        ),
      );
      // The ops console serves no /metrics.
      expect(scraped.map((service) => service.metadata.name).sort()).toEqual(
        platformServices.map((service) => `nps-${service.name}`).sort(),
      );
      const [rule] = ofKind('production', 'PrometheusRule');
      const alerts = rule.spec.groups.flatMap((group: Manifest) => group.rules);
      expect(alerts.map((alert: Manifest) => alert.alert).sort()).toEqual([
        'NpsConsumerLagGrowing',
        'NpsConsumerLagUnmeasured',
        'NpsDeadLettersNotEmpty',
        'NpsOutboxStuck',
        'NpsReadinessFlapping',
        'NpsServiceDown',
        'NpsSlaBreachesRising',
      ]);
      const expressions = alerts.map((alert: Manifest) => alert.expr).join('\n');
      for (const metric of [...METRICS, 'nps_cases_opened_total']) expect(expressions).toContain(metric);
      const unmeasured = alerts.find((alert: Manifest) => alert.alert === 'NpsConsumerLagUnmeasured');
      expect(unmeasured.expr).toMatch(/\) > 600$/);
    });

    it('ships a Grafana dashboard for the sidecar that plots the same metrics', () => {
      const dashboard = named('production', 'ConfigMap', 'nps-dashboard');
      expect(dashboard.metadata.labels.grafana_dashboard).toBe('1');
      const json = JSON.parse(dashboard.data['nps.json']);
      const expressions = json.panels.flatMap((panel: Manifest) =>
        panel.targets.map((target: Manifest) => target.expr),
      );
      for (const metric of METRICS) expect(expressions.join('\n')).toContain(metric);
    });
  });
});
