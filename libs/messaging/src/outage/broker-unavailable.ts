/** kafkajs errors that mean "no broker answers right now", whatever the request was. */
const UNAVAILABLE_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSLockTimeout',
]);
// Protocol errors a broker answers while it, or the leader it points to, is not serving yet.
const UNAVAILABLE_PROTOCOL_ERRORS = new Set([
  'LEADER_NOT_AVAILABLE',
  'NOT_LEADER_FOR_PARTITION',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'BROKER_NOT_AVAILABLE',
  'COORDINATOR_NOT_AVAILABLE',
  'COORDINATOR_LOAD_IN_PROGRESS',
  'NOT_COORDINATOR_FOR_GROUP',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'KAFKA_STORAGE_ERROR',
]);

interface KafkaJsErrorShape {
  name?: unknown;
  type?: unknown;
  originalError?: unknown;
  cause?: unknown;
}

/**
 * True when `error` (a kafkajs error, possibly wrapped by its retrier as `originalError` or by us
 * as `cause`) says the broker is unreachable or not serving: an outage to wait out.
 */
export function isBrokerUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const { name, type, originalError, cause } = current as KafkaJsErrorShape;
    if (typeof name === 'string' && UNAVAILABLE_ERRORS.has(name)) return true;
    const unavailableType = typeof type === 'string' && UNAVAILABLE_PROTOCOL_ERRORS.has(type);
    if (name === 'KafkaJSProtocolError' && unavailableType) return true;
    current = originalError ?? cause;
  }
  return false;
}
