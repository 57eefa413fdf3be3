#!/usr/bin/env bash
# `npm start`: installs what is missing, starts Kafka (unless KAFKA_BROKERS is set) and every
# service against the local PostgreSQL (unless DATABASE_URL is set). Ctrl-C stops it all.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Every services/<name>/project.json with a metadata.port, in port order (`npm run new:service`
# writes both, so a new service joins without editing this file).
SERVICES=()
PORTS=()
while read -r name port; do SERVICES+=("$name"); PORTS+=("$port"); done < <(node -e '
  const fs = require("node:fs");
  const services = fs.readdirSync("services").filter((dir) => fs.existsSync(`services/${dir}/project.json`));
  const projects = services.map((dir) => JSON.parse(fs.readFileSync(`services/${dir}/project.json`, "utf8")));
  const ported = projects.filter((project) => Number.isInteger(project.metadata?.port));
  for (const project of ported.sort((a, b) => a.metadata.port - b.metadata.port)) {
    console.log(project.name, project.metadata.port);
  }
')
[[ ${#SERVICES[@]} -gt 0 ]] || { echo "no services/*/project.json with a metadata.port" >&2; exit 1; }
LOG_DIR="$ROOT/.run/logs"
started_kafka=0
pids=()
tool_pids=()

shutdown() {
  trap - INT TERM
  trap '' PIPE # output piped into a pager or tee that Ctrl-C ended: still stop everything
  log "stopping the services" || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for pid in "${tool_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  if [[ $started_kafka == 1 ]]; then log "stopping Kafka" || true; bash deploy/local/kafka.sh stop >/dev/null 2>&1 || true; fi
  log "all stopped" || true
  exit 0
}

ensure_install
ensure_postgres
if [[ -z "${KAFKA_BROKERS:-}" ]]; then
  if ! bash deploy/local/kafka.sh status >/dev/null 2>&1; then
    bash deploy/local/kafka.sh start
    started_kafka=1
  fi
fi
trap shutdown INT TERM
mkdir -p "$LOG_DIR"
if [[ -z "${SMTP_URL:-}" ]]; then
  # Survey emails and case notifications land in a local mailbox (.run/mail) instead of the world.
  node deploy/local/mailbox.js > "$LOG_DIR/mailbox.log" 2>&1 &
  tool_pids+=($!)
fi

if [[ -z "${OIDC_ISSUER:-}" ]]; then
  # Tokens for people and machines come from a real OIDC provider on this machine (docs/security.md).
  OIDC_JWKS_FILE="$ROOT/.run/oidc/jwks.json" node deploy/local/oidc.js > "$LOG_DIR/oidc.log" 2>&1 &
  tool_pids+=($!)
fi

if [[ "${NPS_ENV:-development}" != production ]]; then
  # Webhook receivers and gateways of a local run listen on this machine (docs/security.md, Outbound calls).
  export OUTBOUND_ALLOW_PRIVATE_NETWORKS="${OUTBOUND_ALLOW_PRIVATE_NETWORKS:-true}"
fi

log "building"
npm run --silent build
for i in "${!SERVICES[@]}"; do
  name="${SERVICES[$i]}"
  PORT="${PORTS[$i]}" node "dist/services/$name/src/main.js" > "$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
done

log "waiting for every service to be ready"
for i in "${!SERVICES[@]}"; do
  url="http://127.0.0.1:${PORTS[$i]}/health/ready"
  for attempt in $(seq 1 120); do
    curl -fs -o /dev/null "$url" && break
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${SERVICES[$i]} exited; last lines of $LOG_DIR/${SERVICES[$i]}.log:" >&2
      tail -20 "$LOG_DIR/${SERVICES[$i]}.log" >&2
      shutdown
    fi
    [[ $attempt == 120 ]] && { echo "${SERVICES[$i]} not ready after 60 s" >&2; shutdown; }
    sleep 0.5
  done
  printf '  %-20s ready  %s  (log: .run/logs/%s.log)\n' "${SERVICES[$i]}" "$url" "${SERVICES[$i]}"
done
[[ -z "${OIDC_ISSUER:-}" ]] && printf '  %-20s http://127.0.0.1:3010, tokens by curl: docs/security.md (log: .run/logs/oidc.log)\n' oidc-issuer
[[ -z "${SMTP_URL:-}" ]] && printf '  %-20s smtp://127.0.0.1:1025, messages in .run/mail (log: .run/logs/mailbox.log)\n' mailbox
log "NPS platform is up. Ctrl-C stops everything."
wait
