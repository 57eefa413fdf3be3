#!/usr/bin/env bash
# `npm test`: the full suite a newcomer and CI run: lint, type check, unit, integration and
# end-to-end tests against real Kafka and Postgres, and the service image built and run. Its last line
# is "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_install || exit 1
ensure_postgres || exit 1
ensure_chromium || exit 1
ensure_subscriber_tools || exit 1
ensure_promtool || exit 1
ensure_podman || exit 1

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
tests_passed=0
tests_failed=0
durations=()
# One jest run; its closing line (.run/test-summary.txt) adds to the totals.
run_jest() {
  rm -f .run/test-summary.txt
  jest "$@"
  local status=$?
  local summary rest
  summary="$(cat .run/test-summary.txt 2>/dev/null || echo '0 passed, 1 failed')"
  rest="${summary#*passed, }"
  tests_passed=$((tests_passed + ${summary%% passed*}))
  tests_failed=$((tests_failed + ${rest%% failed*}))
  [[ $status != 0 && ${rest%% failed*} == 0 ]] && tests_failed=$((tests_failed + 1))
  durations+=("$(cat .run/test-durations.txt 2>/dev/null)")
}

if [[ $# -gt 0 ]]; then
  log "tests: jest $*"
  run_jest "$@"
else
  # Unit and integration suites keep to schemas, topics and ports of their own: two at a time on
  # two cores. End-to-end suites build dist/ and the console and run whole stacks: one at a time.
  log "tests: unit and integration (jest, 2 workers)"
  run_jest --selectProjects unit integration --maxWorkers=2
  log "tests: end to end (jest, 1 worker)"
  run_jest --selectProjects e2e --maxWorkers=1
  log "tests: the service image (podman build, then each service run from it)"
  if bash scripts/images.sh; then run_jest -c tests/images/jest.config.js; else tests_failed=$((tests_failed + 1)); fi
  printf '%s\n' "${durations[@]}" | sort -rn > .run/test-durations.txt
fi

passed=$((tests_passed + checks_passed))
failed=$((tests_failed + checks_failed))
echo
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
