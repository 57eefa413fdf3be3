/** Headers a dead-lettered record carries besides its own: why and where it failed. */
export const DeadLetterHeader = {
  originTopic: 'dlq_origin_topic',
  originPartition: 'dlq_origin_partition',
  originOffset: 'dlq_origin_offset',
  consumerGroup: 'dlq_consumer_group',
  errorClass: 'dlq_error_class',
  errorMessage: 'dlq_error_message',
  /** A stable code: UndecodableReason for undecodable records, INVALID_EVENT, else HANDLER_FAILED. */
  reason: 'dlq_reason',
  attempts: 'dlq_attempts',
  firstFailureAt: 'dlq_first_failure_at',
  deadLetteredAt: 'dlq_dead_lettered_at',
} as const;

/** Set on a record that a replay put back on its topic, so the trail stays visible. */
export const REPLAYED_FROM_HEADER = 'dlq_replayed_from';

export function isDeadLetterHeader(name: string): boolean {
  return name.startsWith('dlq_');
}
