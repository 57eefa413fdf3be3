#!/usr/bin/env bash
# Local single-node Apache Kafka 3.9 broker (KRaft, combined broker+controller), built from
# Apache's own jars on Maven Central (deploy/local/kafka/pom.xml). No Docker, no tarball.
# KAFKA_VERSION=4 runs Kafka 4.x instead (deploy/local/kafka4/pom.xml, log4j2).
# See docs/adr/0001-local-kafka-runner.md and docs/adr/0024-kafka-4-compatibility.md.
#
#   kafka.sh start      start in the background (idempotent), wait until it serves requests
#   kafka.sh run        the same, but in the foreground (exec), for a supervisor (SIGTERM/SIGINT stop it)
#   kafka.sh stop       SIGTERM, wait up to 30 s, then SIGKILL; harmless when not running
#   kafka.sh status     prints "running" (exit 0) or "stopped" (exit 1)
#   kafka.sh wait       wait (bounded) until the port serves Kafka requests
#   kafka.sh classpath  fetch the jars if needed and print the classpath ("<libs>/*")
#
# Settings (environment):
#   KAFKA_PORT (9092)  KAFKA_CONTROLLER_PORT (KAFKA_PORT+1)  KAFKA_HOST (127.0.0.1, advertised)
#   KAFKA_BIND_HOST (KAFKA_HOST)  KAFKA_HEAP (512m)  KAFKA_START_TIMEOUT (60)  KAFKA_STOP_TIMEOUT (30)
#   KAFKA_STATE_DIR (${NPS_STATE_DIR:-$HOME/.local/state/nps}/kafka-$KAFKA_PORT)
#   NPS_CACHE_DIR ($HOME/.cache/nps; jars in kafka-<version>/libs)  KAFKA_OPTS (extra JVM flags)
#   KAFKA_VERSION (unset: 3.9 from kafka/pom.xml; "4": the 4.x of kafka4/pom.xml; or an exact
#     3.x/4.x version such as 4.1.1, fetched with the pom of its major; docs/adr/0024-kafka-4-compatibility.md)
# Everything except the jar cache is keyed by the state dir, so brokers on different ports
# can run side by side.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR
# Kafka 4 needs other logging jars (log4j2) than 3.9 (reload4j): its own pom.
case "${KAFKA_VERSION:-}" in
  "" | 3.*) POM="$SCRIPT_DIR/kafka/pom.xml" ;;
  4 | 4.*) POM="$SCRIPT_DIR/kafka4/pom.xml" ;;
  *)
    echo "kafka.sh: KAFKA_VERSION must be empty, 4, or a 3.x/4.x version (got \"$KAFKA_VERSION\")" >&2
    exit 1
    ;;
esac
readonly POM

KAFKA_PORT="${KAFKA_PORT:-9092}"
[[ $KAFKA_PORT =~ ^[0-9]+$ ]] || { echo "kafka.sh: KAFKA_PORT must be a number (got \"$KAFKA_PORT\")" >&2; exit 1; }
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 1))}"
KAFKA_HOST="${KAFKA_HOST:-127.0.0.1}"
KAFKA_BIND_HOST="${KAFKA_BIND_HOST:-$KAFKA_HOST}"
KAFKA_STATE_DIR="${KAFKA_STATE_DIR:-${NPS_STATE_DIR:-${HOME:?HOME is not set}/.local/state/nps}/kafka-$KAFKA_PORT}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
KAFKA_STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

for var in KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_START_TIMEOUT KAFKA_STOP_TIMEOUT; do
  [[ ${!var} =~ ^[0-9]+$ ]] || die "$var must be a number (got \"${!var}\")"
done
[[ $KAFKA_PORT != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
[[ $KAFKA_HEAP =~ ^[0-9]+[kKmMgG]?$ ]] || die "KAFKA_HEAP must look like 512m (got \"$KAFKA_HEAP\")"

POM_KAFKA_VERSION="$(sed -n 's:.*<kafka\.version>\([^<]*\)</kafka\.version>.*:\1:p' "$POM" | head -n 1)"
[[ -n $POM_KAFKA_VERSION ]] || die "no <kafka.version> in $POM"
if [[ -z ${KAFKA_VERSION:-} || $KAFKA_VERSION == 4 ]]; then KAFKA_VERSION="$POM_KAFKA_VERSION"; fi
[[ $KAFKA_VERSION =~ ^[34]\.[0-9]+\.[0-9]+$ ]] || die "KAFKA_VERSION must look like 4.1.1 (got \"$KAFKA_VERSION\")"
readonly KAFKA_VERSION
readonly KAFKA_MAJOR="${KAFKA_VERSION%%.*}"
readonly DIST_DIR="${NPS_CACHE_DIR:-$HOME/.cache/nps}/kafka-$KAFKA_VERSION"
readonly LIBS="$DIST_DIR/libs"
readonly LIBS_MARKER="$DIST_DIR/libs.complete" # the sha256 of the pom the jars came from (+ an overriding version)

readonly DATA_DIR="$KAFKA_STATE_DIR/data"
readonly LOG_FILE="$KAFKA_STATE_DIR/kafka.log"
readonly OUT_FILE="$KAFKA_STATE_DIR/kafka.out" # the JVM's own stdout/stderr in the background
readonly PID_FILE="$KAFKA_STATE_DIR/kafka.pid"
readonly PROPS="$KAFKA_STATE_DIR/server.properties"
readonly LOG4J="$KAFKA_STATE_DIR/log4j.properties"
readonly LOG4J2="$KAFKA_STATE_DIR/log4j2.properties" # Kafka 4
readonly BOOTSTRAP="$KAFKA_HOST:$KAFKA_PORT"

if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
readonly JAVA

# ---------------------------------------------------------------------------------------------
# process and port checks

# Is $1 a live (not zombie) process running this state dir's broker?
is_our_broker() {
  local pid=$1 state
  kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/stat ]]; then
    state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
    [[ $state != Z ]] || return 1
  fi
  if [[ -r /proc/$pid/cmdline ]]; then # guard against a recycled pid
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "$PROPS" || return 1
  fi
}

# Prints the pid of this state dir's broker when it is alive.
broker_pid() {
  local pid=""
  [[ -f $PID_FILE ]] && pid="$(<"$PID_FILE")"
  if [[ $pid =~ ^[0-9]+$ ]] && is_our_broker "$pid"; then echo "$pid"; return 0; fi
  # pid file lost or stale: look for a broker started with this state dir's server.properties
  local p
  for p in $(pgrep -f -- 'kafka\.Kafka' 2>/dev/null || true); do
    if is_our_broker "$p" && tr '\0' '\n' <"/proc/$p/cmdline" | grep -qxF kafka.Kafka; then
      echo "$p"; return 0
    fi
  done
  return 1
}

tcp_open() { # host port
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null
}

# Sends a Kafka ApiVersions v0 request and checks the answer (correlation id 7, error code 0):
# the broker accepts its port before it processes requests, this tells the difference.
api_probe() { # host port
  # shellcheck disable=SC2016 # expanded by the inner bash
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$1/$2" || exit 1
    printf "\x00\x00\x00\x13\x00\x12\x00\x00\x00\x00\x00\x07\x00\x09nps-probe" >&3
    answer="$(head -c 10 <&3 | od -An -tx1 | tr -d " \n")"
    [[ ${answer:8:12} == 000000070000 ]]' _ "$1" "$2" 2>/dev/null
}

show_log_tail() {
  if [[ -s $OUT_FILE ]]; then log "last lines of $OUT_FILE:"; tail -n 30 "$OUT_FILE" >&2; fi
  if [[ -f $LOG_FILE ]]; then log "last 30 lines of $LOG_FILE:"; tail -n 30 "$LOG_FILE" >&2; fi
}

# ---------------------------------------------------------------------------------------------
# preparation: jars, config, storage

# Fetch the jars once into the shared cache; safe when several instances do it at once
# (flock, download into a temp dir, rename).
ensure_libs() {
  local want
  want="$(sha256sum "$POM" | cut -d' ' -f1)"
  local version_flag=()
  if [[ $KAFKA_VERSION != "$POM_KAFKA_VERSION" ]]; then
    want="$want $KAFKA_VERSION"
    version_flag=("-Dkafka.version=$KAFKA_VERSION")
  fi
  if [[ -f $LIBS_MARKER && "$(<"$LIBS_MARKER")" == "$want" ]]; then return 0; fi
  command -v mvn >/dev/null || die "mvn is not installed (needed once to fetch Kafka $KAFKA_VERSION from Maven Central)"
  mkdir -p "$DIST_DIR"
  (
    if command -v flock >/dev/null; then
      flock -w 900 9 || die "timed out waiting for another download into $DIST_DIR"
    fi
    if [[ -f $LIBS_MARKER && "$(<"$LIBS_MARKER")" == "$want" ]]; then exit 0; fi
    log "fetching Apache Kafka $KAFKA_VERSION jars from Maven Central into $LIBS (once)"
    tmp="$(mktemp -d "$DIST_DIR/libs.tmp.XXXXXX")"
    chmod 755 "$tmp"
    if ! mvn -q -B -f "$POM" "${version_flag[@]}" dependency:copy-dependencies -DoutputDirectory="$tmp" \
      -DincludeScope=runtime -Dstyle.color=never >"$DIST_DIR/mvn.log" 2>&1; then
      rm -rf "$tmp"
      tail -n 40 "$DIST_DIR/mvn.log" >&2
      die "mvn could not fetch the Kafka jars (full output: $DIST_DIR/mvn.log)"
    fi
    [[ -f $tmp/kafka_2.13-$KAFKA_VERSION.jar ]] || { rm -rf "$tmp"; die "mvn did not deliver kafka_2.13-$KAFKA_VERSION.jar"; }
    rm -f "$LIBS_MARKER"
    rm -rf "$LIBS"
    mv "$tmp" "$LIBS"
    echo "$want" >"$LIBS_MARKER"
  ) 9>"$DIST_DIR/.lock"
}

write_config() {
  mkdir -p "$DATA_DIR"
  cat >"$PROPS" <<EOF
# Generated by deploy/local/kafka.sh on every start: edit the script, not this file.
# Single-node KRaft (combined broker + controller) for development and tests.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://$KAFKA_BIND_HOST:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$DATA_DIR

# one node: every replication factor and ISR is 1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
# fewer internal partitions: the first consumer-group join and transaction are faster
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10
group.initial.rebalance.delay.ms=0
# topics are created by the application
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3

# a small dev box
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
log.retention.hours=24
log.segment.bytes=67108864
log.retention.check.interval.ms=300000
EOF
  if ((KAFKA_MAJOR >= 4)); then write_log4j2_config; return 0; fi
  # Root appenders come from the system property nps.kafka.appenders: "" for start (file
  # only), ", stdout" for run. Everything at INFO goes to kafka.log, 5 x 10 MB rolling.
  cat >"$LOG4J" <<EOF
# Generated by deploy/local/kafka.sh on every start.
log4j.rootLogger=INFO, file\${nps.kafka.appenders}
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=$LOG_FILE
log4j.appender.file.Append=true
log4j.appender.file.MaxFileSize=10MB
log4j.appender.file.MaxBackupIndex=5
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel\$=WARN
EOF
}

# Kafka 4 logs through log4j2: the same file, rolling and levels as log4j.properties above. The
# stdout appender's level comes from the system property nps.kafka.stdout: OFF for start, ALL for run.
write_log4j2_config() {
  cat >"$LOG4J2" <<EOF
# Generated by deploy/local/kafka.sh on every start.
status = warn
appender.file.type = RollingFile
appender.file.name = file
appender.file.fileName = $LOG_FILE
appender.file.filePattern = $LOG_FILE.%i
appender.file.append = true
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
appender.file.policies.type = Policies
appender.file.policies.size.type = SizeBasedTriggeringPolicy
appender.file.policies.size.size = 10MB
appender.file.strategy.type = DefaultRolloverStrategy
appender.file.strategy.max = 5
appender.stdout.type = Console
appender.stdout.name = stdout
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
rootLogger.appenderRef.stdout.ref = stdout
rootLogger.appenderRef.stdout.level = \${sys:nps.kafka.stdout:-OFF}
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.channel.name = kafka.network.RequestChannel\$
logger.channel.level = WARN
EOF
}

log_flags() { # appenders ("" or ", stdout") -> fills the array LOG_FLAGS
  if ((KAFKA_MAJOR >= 4)); then
    local level=OFF
    [[ -z $1 ]] || level=ALL
    LOG_FLAGS=(-Dlog4j2.configurationFile="$LOG4J2" -Dnps.kafka.stdout="$level")
  else
    LOG_FLAGS=(-Dlog4j.configuration="file:$LOG4J" -Dnps.kafka.appenders="$1")
  fi
}

# Format the storage once, with a fresh cluster id, when the data dir has no meta.properties.
format_storage() {
  [[ -f $DATA_DIR/meta.properties ]] && return 0
  local cluster_id
  # A Kafka Uuid: 16 random bytes, URL-safe base64 without padding, not starting with "-".
  while :; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ ${#cluster_id} == 22 && $cluster_id != -* ]] && break
  done
  log "formatting $DATA_DIR (cluster id $cluster_id)"
  log_flags ""
  if ! "$JAVA" -Xmx256m "${LOG_FLAGS[@]}" -cp "$LIBS/*" \
    kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS" >>"$LOG_FILE" 2>&1; then
    show_log_tail
    die "formatting the storage in $DATA_DIR failed"
  fi
}

java_cmd() { # appenders -> fills the array JAVA_CMD
  local extra=()
  if [[ -n ${KAFKA_OPTS:-} ]]; then read -r -a extra <<<"$KAFKA_OPTS"; fi
  log_flags "$1"
  JAVA_CMD=("$JAVA" "-Xms$KAFKA_HEAP" "-Xmx$KAFKA_HEAP"
    -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -XX:+ExitOnOutOfMemoryError
    -Djava.awt.headless=true -Dkafka.logs.dir="$KAFKA_STATE_DIR"
    "${LOG_FLAGS[@]}" "${extra[@]}" -cp "$LIBS/*" kafka.Kafka "$PROPS")
}

# Everything before the broker itself, under this state dir's lock (held on fd 8).
prepare() {
  mkdir -p "$KAFKA_STATE_DIR"
  exec 8>"$KAFKA_STATE_DIR/.lock"
  if command -v flock >/dev/null; then
    flock -w $((KAFKA_START_TIMEOUT + 900)) 8 || die "another kafka.sh holds $KAFKA_STATE_DIR/.lock"
  fi
}

preflight() {
  command -v "$JAVA" >/dev/null || die "java is not installed (Kafka $KAFKA_VERSION needs Java $((KAFKA_MAJOR >= 4 ? 17 : 11)) or newer; 17 recommended)"
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if tcp_open 127.0.0.1 "$port" || { [[ $KAFKA_HOST != 127.0.0.1 ]] && tcp_open "$KAFKA_HOST" "$port"; }; then
      die "port $port is already in use by another process (not the broker of $KAFKA_STATE_DIR)"
    fi
  done
  ensure_libs
  write_config
  format_storage
}

log_says_started() { # byte offset where this start's log begins
  local size
  [[ -f $LOG_FILE ]] || return 1
  size="$(stat -c %s "$LOG_FILE")"
  if ((size < $1)); then # rolled over meanwhile
    grep -qF 'Kafka Server started' "$LOG_FILE"
  else
    tail -c +$(($1 + 1)) "$LOG_FILE" | grep -qF 'Kafka Server started'
  fi
}

# ---------------------------------------------------------------------------------------------
# commands

cmd_start() {
  local pid offset deadline
  prepare
  if pid="$(broker_pid)"; then
    if api_probe "$KAFKA_HOST" "$KAFKA_PORT"; then
      echo "kafka already running on $BOOTSTRAP (pid $pid, log $LOG_FILE)"
      return 0
    fi
    log "pid $pid is starting, waiting for $BOOTSTRAP"
    offset=0
  else
    preflight
    offset="$(stat -c %s "$LOG_FILE" 2>/dev/null || echo 0)"
    : >"$OUT_FILE"
    rm -f "$PID_FILE"
    java_cmd ""
    # new session, no terminal, no lock fd: survives the calling shell; it writes its own pid
    # shellcheck disable=SC2016 # expanded by the inner bash
    setsid nohup bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-launch "$PID_FILE" "${JAVA_CMD[@]}" \
      </dev/null >>"$OUT_FILE" 2>&1 8>&- &
    deadline=$((SECONDS + 10))
    until [[ -s $PID_FILE ]]; do
      ((SECONDS < deadline)) || die "the broker process did not start (see $OUT_FILE)"
      sleep 0.1
    done
    pid="$(<"$PID_FILE")"
  fi

  deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while :; do
    if ! is_our_broker "$pid"; then
      show_log_tail
      rm -f "$PID_FILE"
      die "kafka exited during start-up (state dir $KAFKA_STATE_DIR)"
    fi
    if log_says_started "$offset" && api_probe "$KAFKA_HOST" "$KAFKA_PORT"; then break; fi
    if ((SECONDS >= deadline)); then
      show_log_tail
      log "kafka did not come up within ${KAFKA_START_TIMEOUT}s, stopping it"
      stop_pid "$pid" >/dev/null
      die "kafka did not come up on $BOOTSTRAP within ${KAFKA_START_TIMEOUT}s"
    fi
    sleep 0.25
  done
  echo "kafka $KAFKA_VERSION running on $BOOTSTRAP (pid $pid, log $LOG_FILE)"
}

cmd_run() {
  local pid
  prepare
  if pid="$(broker_pid)"; then die "kafka already running on $BOOTSTRAP (pid $pid), not starting another"; fi
  preflight
  java_cmd ", stdout"
  echo $$ >"$PID_FILE" # exec keeps the pid
  log "running kafka $KAFKA_VERSION on $BOOTSTRAP in the foreground (log also in $LOG_FILE)"
  exec 8>&-
  exec "${JAVA_CMD[@]}"
}

stop_pid() {
  local pid=$1 deadline
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + KAFKA_STOP_TIMEOUT))
  while is_our_broker "$pid"; do
    if ((SECONDS >= deadline)); then
      log "kafka (pid $pid) did not stop within ${KAFKA_STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      deadline=$((SECONDS + 10))
      while is_our_broker "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
      break
    fi
    sleep 0.2
  done
  if is_our_broker "$pid"; then die "could not stop kafka (pid $pid)"; fi
  rm -f "$PID_FILE"
}

cmd_stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE"
    echo "kafka not running on $BOOTSTRAP"
    return 0
  fi
  stop_pid "$pid"
  echo "kafka stopped on $BOOTSTRAP (was pid $pid)"
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    if api_probe "$KAFKA_HOST" "$KAFKA_PORT"; then echo running; return 0; fi
    log "pid $pid is alive but $BOOTSTRAP does not answer (yet)"
  fi
  echo stopped
  return 1
}

cmd_wait() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  until api_probe "$KAFKA_HOST" "$KAFKA_PORT"; do
    if ((SECONDS >= deadline)); then
      show_log_tail
      die "kafka does not answer on $BOOTSTRAP after ${KAFKA_START_TIMEOUT}s"
    fi
    sleep 0.25
  done
  echo "kafka ready on $BOOTSTRAP"
}

case "${1:-}" in
  start) cmd_start ;;
  run) cmd_run ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  classpath)
    ensure_libs
    echo "$LIBS/*"
    ;;
  *)
    echo "usage: $0 start|run|stop|status|wait|classpath" >&2
    exit 2
    ;;
esac
