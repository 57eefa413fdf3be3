#!/usr/bin/env bash
# `npm run images`: builds the service image (deploy/docker/Dockerfile) with podman, no Docker engine
# and no container registry needed, and prints its size (docs/deploy.md, Images; ADR 0025).
# The Dockerfile's bases are registry images (node:24-bookworm-slim, debian:bookworm-slim); here they
# are built locally instead: Debian bookworm from Debian's apt mirror (mmdebstrap), and Node 24 and
# npm from this machine (node_modules/node, the global npm). Both are cached as podman images.
# IMAGE names the result (default localhost/nps:dev). NPS_IMAGE_BASES=registry builds from the
# registry images instead, where a registry is reachable.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

IMAGE="${IMAGE:-localhost/nps:dev}"
WORK="$ROOT/.run/images"
mkdir -p "$WORK"
# podman in a container: no ulimits to copy into the build and run containers.
if [[ -z "${CONTAINERS_CONF:-}" ]]; then
  export CONTAINERS_CONF="$WORK/containers.conf"
  printf '[containers]\ndefault_ulimits = []\n' > "$CONTAINERS_CONF"
fi
podman() { command podman --runtime "${PODMAN_RUNTIME:-runc}" "$@"; }
have_image() { podman image exists "$1"; }

# Debian bookworm, trimmed like debian:bookworm-slim (no man pages, docs or translations).
DEBIAN_BASE=localhost/nps-base:bookworm
build_debian_base() {
  have_image "$DEBIAN_BASE" && return 0
  command -v mmdebstrap > /dev/null || { echo "mmdebstrap is missing: apt-get install -y mmdebstrap" >&2; return 1; }
  log "building $DEBIAN_BASE with mmdebstrap"
  # The merged-usr hook instead of the usrmerge package, which would pull in perl.
  mmdebstrap --variant=minbase --quiet --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    bookworm "$WORK/base.tar"
  podman import "$WORK/base.tar" "$DEBIAN_BASE" > /dev/null
  rm -f "$WORK/base.tar"
}

# That Debian plus this machine's Node 24 and npm where node:24-bookworm-slim has them.
NODE_BASE=localhost/nps-node:24-bookworm
build_node_base() {
  local node_bin="$ROOT/node_modules/node/bin/node" npm_dir version
  npm_dir="$(cd "$(dirname "$(readlink -f "$(command -v npm)")")/.." && pwd)"
  version="$("$node_bin" --version)"
  [[ "$version" == v24.* ]] || { echo "expected Node 24 in node_modules/node, got $version" >&2; return 1; }
  have_image "$NODE_BASE-$version" && { podman tag "$NODE_BASE-$version" "$NODE_BASE"; return 0; }
  log "building $NODE_BASE (Node $version)"
  local context="$WORK/node-base"
  rm -rf "$context" && mkdir -p "$context"
  cp "$node_bin" "$context/node"
  cp -rL "$npm_dir" "$context/npm"
  # npm in the build trusts what this machine's Node trusts (a proxy's CA, say). Only the build
  # stages see it: the runtime image copies nothing but the node binary from this base.
  cp "${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}" "$context/ca.pem"
  cat > "$context/Containerfile" <<CONTAINERFILE
FROM $DEBIAN_BASE
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
COPY ca.pem /usr/local/share/nps-build-ca.pem
ENV NODE_EXTRA_CA_CERTS=/usr/local/share/nps-build-ca.pem
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
 && node --version && npm --version
CONTAINERFILE
  podman build --quiet --network host -t "$NODE_BASE-$version" "$context" > /dev/null
  podman tag "$NODE_BASE-$version" "$NODE_BASE"
  rm -rf "$context"
}

args=()
if [[ "${NPS_IMAGE_BASES:-local}" == local ]]; then
  build_debian_base
  build_node_base
  args+=(--build-arg "BASE=$NODE_BASE" --build-arg "RUNTIME_BASE=$DEBIAN_BASE")
fi

log "building $IMAGE"
started=$SECONDS
version="$(node -p 'require("./package.json").version')"
revision="$(git rev-parse HEAD 2> /dev/null || echo unknown)"
created="$(date -u -d "@$(git log -1 --format=%ct 2> /dev/null || date +%s)" +%Y-%m-%dT%H:%M:%SZ)"
# --network host: npm ci reaches the npm registry and apt-get the Debian mirror from the build.
podman build --network host --layers -f deploy/docker/Dockerfile -t "$IMAGE" "${args[@]}" \
  --build-arg "VERSION=$version" --build-arg "REVISION=$revision" --build-arg "CREATED=$created" .
log "built $IMAGE in $((SECONDS - started)) s"

bytes="$(podman image inspect "$IMAGE" --format '{{.Size}}')"
compressed="$(podman save --format oci-archive "$IMAGE" 2> /dev/null | gzip -6 | wc -c)"
printf '%s: %d MB on disk, about %d MB compressed (a registry download)\n' \
  "$IMAGE" "$((bytes / 1000000))" "$((compressed / 1000000))"
