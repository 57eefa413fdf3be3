# Shared by scripts/up.sh and scripts/test.sh: install what the project needs, start the
# database and the broker it needs. Sourced, not run.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$PATH"

lock_hash() { sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1; }

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Installs npm packages when node_modules is missing or package-lock.json changed, exactly as the
# lock file lists them (`npm ci`, so an install never rewrites the lock and leaves `git status` clean).
# The node@24 package in devDependencies puts Node 24 on the PATH of every npm script, whatever the
# system Node is.
ensure_install() {
  local stamp="$ROOT/node_modules/.nps-lock.sha256"
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$(lock_hash)" ]]; then
    log "installing npm packages"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
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
