#!/usr/bin/env bash
# `npm run replay -- <service>`: prepares <service> to rebuild its projections from its input
# topics. Stop every instance of the service first; start it afterwards to rebuild.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
service="${1:?usage: npm run replay -- <service>}"
[[ -f "services/$service/src/cli.ts" ]] || { echo "no service named $service" >&2; exit 2; }
node -r @swc-node/register "services/$service/src/cli.ts" replay
