{{/* Prefix of every object name: the release name unless overridden. */}}
{{- define "nps.prefix" -}}
{{- default .Release.Name .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{- define "nps.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of everything the chart makes. */}}
{{- define "nps.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "nps.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: nps
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component (a service, the console or a migration): dict root, component. */}}
{{- define "nps.selectorLabels" -}}
app.kubernetes.io/name: {{ include "nps.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "nps.componentLabels" -}}
{{ include "nps.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/*
The workloads: every enabled entry of `services` merged over serviceDefaults. `platform` (default
true) tells the platform services (database, Kafka, migrations, the common settings) from an
HTTP-only front such as the ops console (`platform: false`). Returned as YAML (fromYaml) because
templates cannot return dicts.
*/}}
{{- define "nps.workloads" -}}
{{- $out := dict -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $merged := mustMergeOverwrite (deepCopy $.Values.serviceDefaults) (deepCopy $svc) -}}
{{- $_ := set $merged "name" $name -}}
{{- $_ := set $merged "platform" (not (and (hasKey $svc "platform") (not $svc.platform))) -}}
{{- if not $merged.platform -}}
{{- if $svc.inputTopics }}{{ fail (printf "services.%s: platform: false reads no Kafka, so it takes no inputTopics" $name) }}{{ end -}}
{{- if $svc.secretEnv }}{{ fail (printf "services.%s: platform: false holds no secrets, so it takes no secretEnv" $name) }}{{ end -}}
{{- $_ := set $merged "inputTopics" list -}}
{{- $_ := set $merged "secretEnv" dict -}}
{{- end -}}
{{- $_ := set $merged "upstreams" (default dict $svc.upstreams) -}}
{{- $_ := set $out $name $merged -}}
{{- end -}}
{{- end -}}
{{- range $name, $w := $out -}}
{{- range $env, $target := $w.upstreams -}}
{{- if or (not (hasKey $out $target)) (eq $target $name) -}}
{{- fail (printf "services.%s.upstreams.%s names %q, which is not another enabled service" $name $env $target) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/* The host an exposed workload is routed at: dict root, workload. The survey page's, or the console's. */}}
{{- define "nps.host" -}}
{{- ternary .root.Values.exposure.surveyHost .root.Values.exposure.consoleHost .workload.platform -}}
{{- end -}}

{{/*
In-cluster URLs of the workloads another one calls (`upstreams`: variable → service name): dict
root, workload, workloads. nps.workloads has already refused a disabled or unknown target.
*/}}
{{- define "nps.upstreamEnv" -}}
{{- $prefix := include "nps.prefix" .root -}}
{{- range $env, $target := .workload.upstreams }}
{{ $env }}: {{ printf "http://%s-%s:%v" $prefix $target (index $.workloads $target).port | quote }}
{{- end }}
{{- end -}}

{{/* image reference: dict image (may be partial), root. A digest pins; the tag defaults to appVersion. */}}
{{- define "nps.image" -}}
{{- $image := mustMergeOverwrite (deepCopy .root.Values.image) (deepCopy (default dict .image)) -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- $tag := default .root.Chart.AppVersion $image.tag | toString -}}
{{- if eq $tag "latest" -}}{{- fail "image.tag must not be latest: pin a version or a digest" -}}{{- end -}}
{{- printf "%s:%s" $image.repository $tag -}}
{{- end -}}
{{- end -}}

{{/* The Kafka topic prefix shared by topic names and consumer groups. */}}
{{- define "nps.topicPrefix" -}}
{{- default "" .Values.config.KAFKA_TOPIC_PREFIX -}}
{{- end -}}

{{/*
Settings the chart derives from its structured values (kafka, postgres, otel, migrations)
(docs/deploy.md, Settings the chart sets; ADR 0026).
*/}}
{{- define "nps.derivedConfig" -}}
KAFKA_BROKERS: {{ .Values.kafka.brokers | quote }}
KAFKA_TOPIC_REPLICATION_FACTOR: {{ .Values.kafka.topics.replicationFactor | quote }}
KAFKA_TOPIC_MIN_INSYNC_REPLICAS: {{ .Values.kafka.topics.minInsyncReplicas | quote }}
KAFKA_SSL: {{ .Values.kafka.tls.enabled | quote }}
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret }}
KAFKA_SSL_CA_FILE: /etc/nps/kafka-ca/ca.crt
{{- end }}
{{- if .Values.kafka.sasl.enabled }}
KAFKA_SASL_MECHANISM: {{ .Values.kafka.sasl.mechanism | quote }}
{{- end }}
DATABASE_SSL_MODE: {{ .Values.postgres.tls.mode | quote }}
{{- if .Values.postgres.tls.caSecret }}
DATABASE_SSL_CA_FILE: /etc/nps/postgres-ca/ca.crt
{{- end }}
DATABASE_POOL_SIZE: {{ .Values.postgres.poolSize | quote }}
DATABASE_STATEMENT_TIMEOUT_MS: {{ .Values.postgres.statementTimeoutMs | quote }}
DB_MIGRATIONS_RUN: {{ .Values.migrations.runOnStart | quote }}
{{- with .Values.otel.endpoint }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* Environment variables from Secrets: dict root, workload. */}}
{{- define "nps.secretEnv" -}}
{{- range $env, $ref := .workload.secretEnv }}
{{- $secret := index $.root.Values.secrets $ref | required (printf "secretEnv %s names secret %q, which secrets does not define" $env $ref) }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ $secret.existingSecret }}
      key: {{ $secret.key }}
{{- end }}
{{- with .root.Values.kafka.sasl }}
{{- if and .enabled $.workload.platform }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ required "kafka.sasl.existingSecret is required with SASL" .existingSecret }}, key: {{ .usernameKey }} }
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret }}, key: {{ .passwordKey }} }
{{- end }}
{{- end }}
{{- end -}}

{{/* Volumes: a writable /tmp for every container, the CA bundles for those that reach Kafka and Postgres. dict root, platform. */}}
{{- define "nps.volumes" -}}
{{- $v := .root.Values -}}
- name: tmp
  emptyDir: { sizeLimit: 64Mi }
{{- if .platform }}
{{- if and $v.kafka.tls.enabled $v.kafka.tls.caSecret }}
- name: kafka-ca
  secret: { secretName: {{ $v.kafka.tls.caSecret }} }
{{- end }}
{{- if $v.postgres.tls.caSecret }}
- name: postgres-ca
  secret: { secretName: {{ $v.postgres.tls.caSecret }} }
{{- end }}
{{- end }}
{{- end -}}

{{- define "nps.volumeMounts" -}}
{{- $v := .root.Values -}}
- { name: tmp, mountPath: /tmp }
{{- if .platform }}
{{- if and $v.kafka.tls.enabled $v.kafka.tls.caSecret }}
- { name: kafka-ca, mountPath: /etc/nps/kafka-ca, readOnly: true }
{{- end }}
{{- if $v.postgres.tls.caSecret }}
- { name: postgres-ca, mountPath: /etc/nps/postgres-ca, readOnly: true }
{{- end }}
{{- end }}
{{- end -}}

{{/* The restricted Pod Security Standard: pod level. The image's `node` user is uid 1000. */}}
{{- define "nps.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "nps.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: { drop: [ALL] }
seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{/* The common settings: derived ones, overridden by `config`. */}}
{{- define "nps.commonConfig" -}}
{{- mustMergeOverwrite (include "nps.derivedConfig" . | fromYaml) (deepCopy .Values.config) | toYaml -}}
{{- end -}}

{{/*
The part of the common settings an HTTP-only workload (platform: false) reads: NPS_ENV, LOG_LEVEL,
OIDC_*, HTTP_* and the OTel endpoint; never Kafka, Postgres or privacy settings.
*/}}
{{- define "nps.httpConfig" -}}
{{- $out := dict -}}
{{- range $key, $value := include "nps.commonConfig" . | fromYaml -}}
{{- if or (has $key (list "NPS_ENV" "LOG_LEVEL" "OTEL_EXPORTER_OTLP_ENDPOINT")) (hasPrefix "OIDC_" $key) (hasPrefix "HTTP_" $key) -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}
