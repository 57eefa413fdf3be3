# Shared by scripts/up.sh and scripts/test.sh: install what the project needs, start the
# database and the broker it needs. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$PATH"
# Where `npm start` keeps logs, mail, signing keys and its pids, and how far it shifts its ports.
RUN_DIR="${NPS_RUN_DIR:-$ROOT/.run}"
PORT_OFFSET="${NPS_PORT_OFFSET:-0}"
[[ $PORT_OFFSET =~ ^[0-9]+$ ]] || { echo "NPS_PORT_OFFSET must be a number (got \"$PORT_OFFSET\")" >&2; exit 1; }

lock_hash() { sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1; }

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs npm packages when node_modules is missing or package-lock.json changed, exactly as the
# lock file lists them (`npm ci`, so an install never rewrites the lock and leaves `git status` clean).
# The node@24 package in devDependencies puts Node 24 on the PATH of every npm script, whatever the
# system Node is.
ensure_install() {
  local stamp="$ROOT/node_modules/.nps-lock.sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$(lock_hash)" ]]; then
    log "installing npm packages exactly as package-lock.json lists them (npm ci; the first time takes a few minutes)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    lock_hash > "$stamp"
  fi
  local version; version="$(node --version)"
  [[ "$version" == v24.* ]] || { echo "expected Node 24 from node_modules/.bin, got $version" >&2; return 1; }
}

# The machine's PostgreSQL server, started when it is down (unless DATABASE_URL points elsewhere).
ensure_postgres() {
  [[ -n "${DATABASE_URL:-}" ]] && return 0
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "starting the local PostgreSQL server"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
    echo "PostgreSQL did not come up on 127.0.0.1:5432" >&2; return 1
  fi
}

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; no browser
# download). Installed with apt when missing; CHROMIUM_PATH points at another one.
ensure_chromium() {
  [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] && return 0
  log "installing Chromium (Debian package) for the browser tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# kcat and protoc (with the well-known .proto files) for the subscriber examples' test
# (examples/, docs/adr/0029-subscriber-examples.md); Java 17 and Maven come with the machine.
ensure_subscriber_tools() {
  command -v kcat >/dev/null && command -v protoc >/dev/null && [[ -f /usr/include/google/protobuf/timestamp.proto ]] &&
    return 0
  log "installing kcat and protoc (Debian packages) for the subscriber examples"
  apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kcat protobuf-compiler libprotobuf-dev >/dev/null
}

# promtool (Debian package `prometheus`, without its recommends; no daemon is started) runs the chart's alerts
# through Prometheus' rule engine (tests/deploy/prometheus-rules.spec.ts).
ensure_promtool() {
  command -v promtool >/dev/null && return 0
  log "installing promtool (Debian package prometheus) for the alert tests"
  apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
}

# podman, runc and mmdebstrap build and run the service image without a Docker engine or a registry
# (scripts/images.sh, tests/images; docs/adr/0076-image-tested-by-npm-test.md).
ensure_podman() {
  command -v podman >/dev/null && command -v runc >/dev/null && command -v mmdebstrap >/dev/null && return 0
  log "installing podman, runc and mmdebstrap (Debian packages) to build and run the service image"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc mmdebstrap >/dev/null
}

# Fills SERVICES and PORTS (shifted by NPS_PORT_OFFSET) from every services/<name>/project.json with a
# metadata.port, in port order (`npm run new:service` writes both, so a new service joins by itself).
load_services() {
  SERVICES=()
  PORTS=()
  local name port
  while read -r name port; do SERVICES+=("$name"); PORTS+=("$((port + PORT_OFFSET))"); done < <(cd "$ROOT" && node -e '
    const fs = require("node:fs");
    const services = fs.readdirSync("services").filter((dir) => fs.existsSync(`services/${dir}/project.json`));
    const projects = services.map((dir) => JSON.parse(fs.readFileSync(`services/${dir}/project.json`, "utf8")));
    const ported = projects.filter((project) => Number.isInteger(project.metadata?.port));
    for (const project of ported.sort((a, b) => a.metadata.port - b.metadata.port)) {
      console.log(project.name, project.metadata.port);
    }
  ')
  [[ ${#SERVICES[@]} -gt 0 ]] || { echo "no services/*/project.json with a metadata.port" >&2; return 1; }
}
