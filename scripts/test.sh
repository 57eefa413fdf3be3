#!/usr/bin/env bash
# `npm test`: the full suite a newcomer and CI run: lint, type check, unit, integration and
# end-to-end tests against real Kafka and Postgres. Its last line is "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_install || exit 1
ensure_postgres || exit 1
ensure_chromium || exit 1
ensure_subscriber_tools || exit 1

checks_passed=0
checks_failed=0
check() {
  local name="$1"; shift
  log "$name"
  if "$@"; then checks_passed=$((checks_passed + 1)); else checks_failed=$((checks_failed + 1)); echo "FAILED: $name" >&2; fi
}

# The module-boundary rule reads Nx's cached project graph and skips itself without one.
lint() { nx show projects >/dev/null && eslint --max-warnings 0 .; }

check "format (prettier --check)" prettier --check --log-level warn .
check "lint (eslint, Nx module boundaries)" lint
check "type check (tsc --noEmit)" tsc -p tsconfig.json --noEmit
check "ops console page: type check (tsc, JSX + DOM)" tsc -p services/ops-console/web/tsconfig.json --noEmit
check "ops console page: build (vite)" npm run --silent build:console
check "contracts: buf lint" npm run --silent contracts:lint
check "contracts: buf breaking against main" npm run --silent contracts:breaking
rm -f .run/test-summary.txt
log "tests: unit, integration, e2e (jest)"
jest "$@"
jest_status=$?

summary="$(cat .run/test-summary.txt 2>/dev/null || echo '0 passed, 1 failed')"
passed=$(( ${summary%% passed*} + checks_passed ))
failed_part="${summary#*passed, }"
failed=$(( ${failed_part%% failed*} + checks_failed ))
[[ $jest_status != 0 && $failed == 0 ]] && failed=1
echo
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
