#!/usr/bin/env bash
# Prints the first COUNT events of one NPS topic: CloudEvents headers, key and the protobuf
# value decoded as text with `protoc --decode`, using only proto/ (docs/contracts.md, "Subscribing").
#
#   examples/kcat-subscriber/subscribe.sh nps.detractor.identified.v1 5
#
# Environment: KAFKA_BROKERS (default localhost:9092), KAFKA_TOPIC_PREFIX (default none),
# PROTO_DIR (default: proto/ of this repository). Needs kcat and protoc
# (`apt-get install kcat protobuf-compiler`).
set -euo pipefail

topic="${1:?usage: subscribe.sh TOPIC [COUNT]}"
count="${2:-10}"
brokers="${KAFKA_BROKERS:-localhost:9092}"
physical="${KAFKA_TOPIC_PREFIX:-}${topic}"
proto_dir="${PROTO_DIR:-$(cd "$(dirname "$0")/../../proto" && pwd)}"
mapfile -t proto_files < <(cd "$proto_dir" && find . -name '*.proto' | sed 's|^\./||' | sort)
value_file="$(mktemp)"
trap 'rm -f "$value_file"' EXIT

# One line per record: partition, offset, key and the headers (name=value,...), tab-separated.
# The binary values are fetched one by one below: they may hold any byte, newlines included.
kcat -C -q -b "$brokers" -t "$physical" -o beginning -c "$count" -e -f '%p\t%o\t%k\t%h\n' |
  while IFS=$'\t' read -r partition offset key headers; do
    echo "--- $topic partition $partition offset $offset key $key"
    data_schema=""
    IFS=',' read -r -a pairs <<<"$headers"
    for pair in "${pairs[@]}"; do
      echo "${pair%%=*}: ${pair#*=}"
      [[ "${pair%%=*}" == ce_dataschema ]] && data_schema="${pair#*=}"
    done
    # ce_dataschema is urn:nps:proto:<full message name>, exactly what --decode takes.
    type="${data_schema#urn:nps:proto:}"
    if [[ -z "$data_schema" || "$type" == "$data_schema" ]]; then
      echo "(no ce_dataschema header: not an NPS event, value not decoded)"
      continue
    fi
    kcat -C -q -b "$brokers" -t "$physical" -p "$partition" -o "$offset" -c 1 -e -f '%s' >"$value_file" </dev/null
    protoc --decode="$type" -I "$proto_dir" "${proto_files[@]}" <"$value_file"
  done
