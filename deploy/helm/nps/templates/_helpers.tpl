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
The workloads: every enabled service merged over serviceDefaults, plus the console when enabled.
Returned as YAML (fromYaml) because templates cannot return dicts.
*/}}
{{- define "nps.workloads" -}}
{{- $out := dict -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.enabled -}}
{{- $merged := mustMergeOverwrite (deepCopy $.Values.serviceDefaults) (deepCopy $svc) -}}
{{- $_ := set $merged "name" $name -}}
{{- $_ := set $merged "isService" true -}}
{{- $_ := set $out $name $merged -}}
{{- end -}}
{{- end -}}
{{- if .Values.console.enabled -}}
{{- $console := mustMergeOverwrite (deepCopy .Values.serviceDefaults) (deepCopy .Values.console) -}}
{{- $_ := set $console "name" "console" -}}
{{- $_ := set $console "isService" false -}}
{{- $_ := set $console "inputTopics" list -}}
{{- $_ := set $console "autoscaling" (dict "kind" "none") -}}
{{- $_ := set $out "console" $console -}}
{{- end -}}
{{- toYaml $out -}}
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
{{- if and .enabled $.workload.isService }}
- name: KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef: { name: {{ required "kafka.sasl.existingSecret is required with SASL" .existingSecret }}, key: {{ .usernameKey }} }
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef: { name: {{ .existingSecret }}, key: {{ .passwordKey }} }
{{- end }}
{{- end }}
{{- end -}}

{{/* Volumes every container of the chart gets: a writable /tmp and the CA bundles. */}}
{{- define "nps.volumes" -}}
- name: tmp
  emptyDir: { sizeLimit: 64Mi }
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret }}
- name: kafka-ca
  secret: { secretName: {{ .Values.kafka.tls.caSecret }} }
{{- end }}
{{- if .Values.postgres.tls.caSecret }}
- name: postgres-ca
  secret: { secretName: {{ .Values.postgres.tls.caSecret }} }
{{- end }}
{{- end -}}

{{- define "nps.volumeMounts" -}}
- { name: tmp, mountPath: /tmp }
{{- if and .Values.kafka.tls.enabled .Values.kafka.tls.caSecret }}
- { name: kafka-ca, mountPath: /etc/nps/kafka-ca, readOnly: true }
{{- end }}
{{- if .Values.postgres.tls.caSecret }}
- { name: postgres-ca, mountPath: /etc/nps/postgres-ca, readOnly: true }
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

{{/* The command that starts a workload: the service's main.js, or the console's own. */}}
{{- define "nps.command" -}}
{{- if .isService -}}
{{- list "node" (printf "dist/services/%s/src/main.js" .name) | toJson -}}
{{- else -}}
{{- .command | toJson -}}
{{- end -}}
{{- end -}}

{{/* The common settings: derived ones, overridden by `config`. */}}
{{- define "nps.commonConfig" -}}
{{- mustMergeOverwrite (include "nps.derivedConfig" . | fromYaml) (deepCopy .Values.config) | toYaml -}}
{{- end -}}
