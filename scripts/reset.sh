#!/usr/bin/env bash
# `npm run reset [-- --yes]`: back to a fresh clone's state, for `npm start` to begin again from nothing.
# Wipes, after a confirmation (or --yes; `npm run reset --yes` works too):
#   - the services' schemas in the local database (DATABASE_URL, default the `nps` database),
#   - the local broker's state (topics, offsets), unless KAFKA_BROKERS names another broker or the
#     local one is running (somebody runs it: it is neither stopped nor touched),
#   - .run/ (NPS_RUN_DIR): logs, mail, the issuer's signing keys; .run/tools (downloaded tools) stays.
# Refuses while the platform is up: a service port answers or a process `npm start` started lives.
# The tests' database (nps_test) is never touched. Decision: docs/adr/0028-local-reset-and-mailbox.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

yes="${npm_config_yes:-false}" # `npm run reset --yes` hands --yes to npm, which passes it on like this
for arg in "$@"; do
  case "$arg" in
    -y | --yes) yes=true ;;
    *) echo "usage: npm run reset [-- --yes]" >&2; exit 2 ;;
  esac
done

load_services
DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/nps}"
database="${DATABASE_URL##*/}"
database="${database%%\?*}"

refuse() { echo "npm run reset: $*" >&2; exit 1; }
port_answers() { timeout 1 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null; }

# --- is anything up?
for i in "${!SERVICES[@]}"; do
  port_answers "${PORTS[$i]}" && refuse "${SERVICES[$i]} answers on port ${PORTS[$i]}: stop \`npm start\` (Ctrl-C) first"
done
if [[ -f "$RUN_DIR/up.pids" ]]; then
  while read -r pid; do
    [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
      refuse "process $pid started by \`npm start\` is still running (listed in $RUN_DIR/up.pids): stop it first"
  done < "$RUN_DIR/up.pids"
fi
[[ $database == nps_test ]] && refuse "DATABASE_URL names the tests' database nps_test: not wiping it"

# --- what would go
schemas=()
for name in "${SERVICES[@]}"; do schemas+=("${name//-/_}"); done
database_up=1
existing="$(psql "$DATABASE_URL" -XAtq -v ON_ERROR_STOP=1 -c \
  "select string_agg(nspname, ' ' order by nspname) from pg_namespace where nspname = any(string_to_array('${schemas[*]}', ' '))" \
  2>/dev/null)" || database_up=0

kafka_state=""
kafka_note=""
if [[ -n "${KAFKA_BROKERS:-}" ]]; then
  kafka_note="Kafka at $KAFKA_BROKERS is not the local broker: its topics stay"
elif bash deploy/local/kafka.sh status >/dev/null 2>&1; then
  kafka_note="the local Kafka broker is running (not started by \`npm start\`, or still stopping): its topics stay; \`npm run kafka -- stop\`, then reset again to wipe them"
else
  kafka_state="${KAFKA_STATE_DIR:-${NPS_STATE_DIR:-$HOME/.local/state/nps}/kafka-${KAFKA_PORT:-9092}}"
  [[ -d $kafka_state ]] || kafka_state=""
fi

echo "npm run reset wipes:"
if [[ $database_up == 0 ]]; then
  echo "  - nothing in the database ($DATABASE_URL does not answer or does not exist)"
elif [[ -n $existing ]]; then
  echo "  - the schemas $existing in database $database (and every row in them)"
else
  echo "  - nothing in database $database (no service schema there)"
fi
[[ -n $kafka_state ]] && echo "  - the local Kafka broker's topics and offsets ($kafka_state)"
[[ -n $kafka_note ]] && echo "  - nothing in Kafka: $kafka_note"
[[ -d $RUN_DIR ]] && echo "  - $RUN_DIR (logs, mail, the local issuer's signing keys; tools/ stays)"

if [[ $yes != true ]]; then
  [[ -t 0 ]] || refuse "no terminal to confirm on: run \`npm run reset -- --yes\`"
  read -r -p "Wipe all of this? [y/N] " answer
  [[ $answer == [yY]* ]] || { echo "nothing wiped"; exit 1; }
fi

if [[ $database_up == 1 && -n $existing ]]; then
  psql "$DATABASE_URL" -Xq -v ON_ERROR_STOP=1 -c "set client_min_messages = warning; drop schema if exists ${existing// /, } cascade"
fi
if [[ -n $kafka_state ]]; then
  # Checked again: it must not have started meanwhile.
  bash deploy/local/kafka.sh status >/dev/null 2>&1 && refuse "the local Kafka broker started meanwhile: its state stays"
  rm -rf "$kafka_state"
fi
if [[ -d $RUN_DIR ]]; then
  find "$RUN_DIR" -mindepth 1 -maxdepth 1 ! -name tools -exec rm -rf {} +
fi
log "reset done: \`npm start\` begins from nothing"
