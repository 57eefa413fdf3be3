#!/usr/bin/env bash
# `npm start`: installs what is missing, starts Kafka (unless KAFKA_BROKERS is set) and every
# service against the local PostgreSQL (unless DATABASE_URL is set), the local OIDC issuer (unless
# OIDC_ISSUER is set) and the local mailbox (unless SMTP_URL is set). Ctrl-C stops it all.
# NPS_PORT_OFFSET (0) shifts every port it opens (ops console 3000, services 3001-3005, issuer 3010, mailbox 1025 and
# 1080) and NPS_RUN_DIR (.run) moves its logs, mail and keys: a second stack, e.g. in a test, beside
# the first. `npm run reset` (scripts/reset.sh) wipes what it leaves behind.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

load_services
LOG_DIR="$RUN_DIR/logs"
PID_FILE="$RUN_DIR/up.pids" # every process this run started, for `npm run reset` to see it is up
started_kafka=0
mailbox_started=0
issuer_started=0
OIDC_PORT=$((3010 + PORT_OFFSET))
MAILBOX_SMTP_PORT=$((1025 + PORT_OFFSET))
MAILBOX_WEB_PORT=$((1080 + PORT_OFFSET))
pids=()
tool_pids=()

shutdown() {
  trap - INT TERM
  trap '' PIPE # output piped into a pager or tee that Ctrl-C ended: still stop everything
  log "stopping the services" || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for pid in "${tool_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${tool_pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -f "$PID_FILE"
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
echo $$ > "$PID_FILE"
if [[ -z "${SMTP_URL:-}" ]]; then
  # Survey emails and case notifications land in a local mailbox (MailDev: SMTP, a web UI and a REST
  # API, messages kept in .run/mail) instead of the world (docs/adr/0028-local-reset-and-mailbox.md).
  MAILBOX_SMTP_PORT="$MAILBOX_SMTP_PORT" MAILBOX_WEB_PORT="$MAILBOX_WEB_PORT" MAILBOX_DIR="$RUN_DIR/mail" \
    node deploy/local/mailbox.js > "$LOG_DIR/mailbox.log" 2>&1 &
  tool_pids+=($!)
  echo $! >> "$PID_FILE"
  export SMTP_URL="smtp://127.0.0.1:$MAILBOX_SMTP_PORT"
  mailbox_started=1
fi

# The ops console: the issuer lets people sign in to it, case notifications link to its case page,
# and it proxies the APIs of case-management and scoring wherever they listen (docs/ops-console.md).
for i in "${!SERVICES[@]}"; do
  case "${SERVICES[$i]}" in
    ops-console) export OPS_CONSOLE_URL="${OPS_CONSOLE_URL:-http://127.0.0.1:${PORTS[$i]}}" ;;
    case-management) export CASE_MANAGEMENT_URL="${CASE_MANAGEMENT_URL:-http://127.0.0.1:${PORTS[$i]}}" ;;
    scoring) export SCORING_URL="${SCORING_URL:-http://127.0.0.1:${PORTS[$i]}}" ;;
  esac
done
export CASE_LINK_BASE_URL="${CASE_LINK_BASE_URL:-${OPS_CONSOLE_URL:-http://127.0.0.1:$((3000 + PORT_OFFSET))}/cases}"

if [[ -z "${OIDC_ISSUER:-}" ]]; then
  # Tokens for people and machines come from a real OIDC provider on this machine (docs/security.md).
  OIDC_PORT="$OIDC_PORT" OIDC_JWKS_FILE="$RUN_DIR/oidc/jwks.json" node deploy/local/oidc.js > "$LOG_DIR/oidc.log" 2>&1 &
  tool_pids+=($!)
  echo $! >> "$PID_FILE"
  export OIDC_ISSUER="http://127.0.0.1:$OIDC_PORT"
  issuer_started=1
fi

# The survey links in the mails point at response-ingestion wherever it listens.
for i in "${!SERVICES[@]}"; do
  if [[ ${SERVICES[$i]} == response-ingestion ]]; then
    export SURVEY_PAGE_URL="${SURVEY_PAGE_URL:-http://127.0.0.1:${PORTS[$i]}}"
  fi
done

if [[ "${NPS_ENV:-development}" != production ]]; then
  # Webhook receivers and gateways of a local run listen on this machine (docs/security.md, Outbound calls).
  export OUTBOUND_ALLOW_PRIVATE_NETWORKS="${OUTBOUND_ALLOW_PRIVATE_NETWORKS:-true}"
fi

log "building"
npm run --silent build # the services (swc) and the console's page (Vite)
for i in "${!SERVICES[@]}"; do
  name="${SERVICES[$i]}"
  # The image's V8 flags and glibc setting (deploy/docker/Dockerfile, ADR 0044, ADR 0062) unless set already.
  NODE_OPTIONS="${NODE_OPTIONS:---max-semi-space-size=16}" MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}" \
    PORT="${PORTS[$i]}" \
    node "dist/services/$name/src/main.js" > "$LOG_DIR/$name.log" 2>&1 &
  pids+=($!)
  echo $! >> "$PID_FILE"
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
  printf '  %-20s ready  %s  (log: %s/%s.log)\n' "${SERVICES[$i]}" "$url" "$LOG_DIR" "${SERVICES[$i]}"
done
if [[ $issuer_started == 1 ]]; then
  printf '  %-20s %s, tokens: npm run token (log: %s/oidc.log)\n' oidc-issuer "$OIDC_ISSUER" "$LOG_DIR"
fi
if [[ $mailbox_started == 1 ]]; then
  for _ in $(seq 1 20); do curl -fs -o /dev/null "http://127.0.0.1:$MAILBOX_WEB_PORT/api/healthz" && break; sleep 0.5; done
  printf '  %-20s open http://127.0.0.1:%s to read the mail (SMTP %s, log: %s/mailbox.log)\n' \
    mailbox "$MAILBOX_WEB_PORT" "$SMTP_URL" "$LOG_DIR"
fi
log "NPS platform is up. Ctrl-C stops everything."
wait
